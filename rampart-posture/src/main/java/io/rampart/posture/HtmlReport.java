package io.rampart.posture;

import io.rampart.discovery.Asset;
import io.rampart.discovery.ScanError;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/** {@code --format html}: one self-contained file (inline CSS, no scripts, no external links). */
final class HtmlReport {
  private HtmlReport() {}

  static void write(Assessment a, Clock clock, PrintStream out) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Rampart scan</title><style>")
        .append("body{font:14px system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse;width:100%;margin-bottom:2em}")
        .append("td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}")
        .append("th{background:#f4f4f4}.critical{color:#fff;background:#8b0000}")
        .append(".high{color:#fff;background:#d9480f}.medium{background:#ffd43b}")
        .append(".low{background:#d0ebff}.info{background:#eee}code{font-size:12px}")
        .append("</style></head><body>");
    b.append("<h1>Rampart scan</h1><p>").append(esc(clock.instant().toString()))
        .append(" &middot; ").append(a.inventory().assets().size()).append(" assets &middot; ")
        .append(a.findings().size()).append(" findings &middot; ").append(a.attackPaths().size())
        .append(" attack paths &middot; estate risk <b>").append(a.estateScore())
        .append("/100</b></p>");
    b.append("<h2>Attack paths</h2><table><tr><th>severity</th><th>score</th><th>path</th>")
        .append("<th>rules</th></tr>");
    for (AttackPath p : a.attackPaths()) {
      b.append("<tr><td class=\"").append(p.severity().id()).append("\">")
          .append(p.severity().id()).append("</td><td>").append(p.score()).append("</td><td>")
          .append(esc(p.title())).append("</td><td>").append(esc(String.join(", ", p.findings())))
          .append("</td></tr>");
    }
    b.append("</table><h2>Findings</h2><table><tr><th>severity</th><th>score</th><th>rule</th>")
        .append("<th>title</th><th>asset</th><th>location</th><th>references</th></tr>");
    for (Finding f : a.findings()) {
      b.append("<tr><td class=\"").append(f.severity().id()).append("\">")
          .append(f.severity().id()).append("</td><td>").append(f.score()).append("</td><td><code>")
          .append(esc(f.rule())).append("</code></td><td>").append(esc(f.title()))
          .append("</td><td><code>").append(esc(f.asset())).append("</code></td><td>")
          .append(esc(f.location().map(Object::toString).orElse(""))).append("</td><td>")
          .append(esc(String.join(", ", f.references()))).append("</td></tr>");
    }
    b.append("</table><h2>Inventory</h2><table><tr><th>kind</th><th>name</th><th>provider</th>")
        .append("<th>source</th><th>risk</th></tr>");
    for (Asset x : a.inventory().assets()) {
      b.append("<tr><td>").append(esc(x.kind().id())).append("</td><td>").append(esc(x.name()))
          .append("</td><td>").append(esc(x.provider())).append("</td><td>")
          .append(esc(x.source().toString())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%.1f", a.assetScores().getOrDefault(x.id(), 0.0)))
          .append("</td></tr>");
    }
    b.append("</table>");
    if (!a.inventory().errors().isEmpty()) {
      b.append("<h2>Not read</h2><ul>");
      for (ScanError e : a.inventory().errors()) {
        b.append("<li>").append(esc(e.toString())).append("</li>");
      }
      b.append("</ul>");
    }
    out.println(b.append("</body></html>"));
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
