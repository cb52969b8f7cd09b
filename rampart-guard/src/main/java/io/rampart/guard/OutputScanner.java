package io.rampart.guard;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Output risks in model responses: Markdown/HTML images and links that smuggle data to another
 * host, active HTML (LLM05), links to blocked domains, and leaked canary tokens (LLM07).
 */
final class OutputScanner {

  private static final Pattern MD_IMAGE =
      Pattern.compile("!\\[[^\\]\\n]{0,300}\\]\\(\\s{0,4}<?([^)\\s>]{1,4000})");
  private static final Pattern MD_LINK =
      Pattern.compile("(?<!!)\\[[^\\]\\n]{0,300}\\]\\(\\s{0,4}<?([^)\\s>]{1,4000})");
  private static final Pattern MD_REF =
      Pattern.compile("(?m)^\\s{0,3}\\[[^\\]\\n]{1,100}\\]:\\s{0,4}<?(\\S{1,4000})");
  private static final Pattern HTML_SRC =
      Pattern.compile(
          "(?i)<(?:img|image|source|video|audio|iframe|link|script)\\b[^>]{0,500}?\\b(?:src|href|srcset)\\s{0,3}=\\s{0,3}[\"']?([^\"'\\s>]{1,4000})");
  private static final Pattern ACTIVE_HTML =
      Pattern.compile(
          "(?i)<\\s{0,3}(?:script|iframe|object|embed|applet|form|base)\\b|javascript\\s{0,3}:|vbscript\\s{0,3}:"
              + "|data\\s{0,3}:\\s{0,3}text/html|<[a-z][^>]{0,300}?\\son[a-z]{3,20}\\s{0,3}=|<meta\\b[^>]{0,200}?http-equiv");
  private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s\"'<>)\\]]{1,4000}");

  private final GuardConfig config;

  OutputScanner(GuardConfig config) {
    this.config = config;
  }

  List<Signal> scan(String text, List<Canary> canaries) {
    List<Signal> out = new ArrayList<>();
    images(MD_IMAGE, text, out);
    images(HTML_SRC, text, out);
    links(MD_LINK, text, out);
    links(MD_REF, text, out);
    Matcher m = ACTIVE_HTML.matcher(text);
    for (int n = 0; n < 5 && m.find(); n++) {
      out.add(new Signal("output.active-html", Category.OUTPUT_SCRIPT, 0.9, m.start(), m.end(), m.group()));
    }
    Matcher u = URL.matcher(text);
    for (int n = 0; n < 200 && u.find(); n++) {
      host(u.group())
          .filter(this::blocked)
          .ifPresent(h -> out.add(new Signal("output.blocked-domain", Category.BLOCKED_URL, 0.95,
              u.start(), u.end(), h)));
    }
    canaries(text, canaries, out);
    return out;
  }

  private void images(Pattern p, String text, List<Signal> out) {
    Matcher m = p.matcher(text);
    for (int n = 0; n < 20 && m.find(); n++) {
      String url = m.group(1);
      Optional<String> host = host(url);
      if (host.isEmpty() || trusted(host.get())) {
        continue;
      }
      // An image fetch happens without a click: any data in its URL is already sent.
      double w = carriesData(url) ? 0.9 : 0.4;
      out.add(new Signal("output.image-exfiltration", Category.OUTPUT_EXFILTRATION, w,
          m.start(), m.end(), url));
    }
  }

  private void links(Pattern p, String text, List<Signal> out) {
    Matcher m = p.matcher(text);
    for (int n = 0; n < 20 && m.find(); n++) {
      String url = m.group(1);
      Optional<String> host = host(url);
      if (host.isPresent() && !trusted(host.get()) && carriesData(url)) {
        out.add(new Signal("output.link-exfiltration", Category.OUTPUT_EXFILTRATION, 0.6,
            m.start(), m.end(), url));
      }
    }
  }

  // Long query values or path segments look like encoded conversation data, not navigation.
  private static boolean carriesData(String url) {
    int q = url.indexOf('?');
    String query = q < 0 ? "" : url.substring(q + 1);
    for (String kv : query.split("&")) {
      int eq = kv.indexOf('=');
      String v = eq < 0 ? kv : kv.substring(eq + 1);
      if (v.length() >= 24 || v.contains("%20") || v.contains("+")) {
        return true;
      }
    }
    String path = q < 0 ? url : url.substring(0, q);
    for (String seg : path.split("/")) {
      if (seg.length() >= 48) {
        return true;
      }
    }
    return false;
  }

  static Optional<String> host(String url) {
    try {
      URI uri = URI.create(url.strip());
      return Optional.ofNullable(uri.getHost()).map(h -> h.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      Matcher m = Pattern.compile("(?i)^[a-z][a-z0-9+.-]{0,20}://([^/?#:@\\s]{1,253})").matcher(url);
      return m.find() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
  }

  private boolean trusted(String host) {
    return matchesAny(host, config.trustedDomains());
  }

  private boolean blocked(String host) {
    return matchesAny(host, config.blockedDomains());
  }

  private static boolean matchesAny(String host, java.util.Set<String> domains) {
    for (String d : domains) {
      if (host.equals(d) || host.endsWith("." + d)) {
        return true;
      }
    }
    return false;
  }

  private static void canaries(String text, List<Canary> canaries, List<Signal> out) {
    if (canaries.isEmpty()) {
      return;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    String squeezed = squeeze(Folded.of(text).text());
    List<Decoder.Decoded> decoded = null;
    for (Canary c : canaries) {
      String token = c.token().toLowerCase(Locale.ROOT);
      int at = lower.indexOf(token);
      if (at >= 0) {
        out.add(new Signal("output.canary-leak", Category.SYSTEM_PROMPT_LEAK, 0.99, at,
            at + token.length(), "canary token"));
        continue;
      }
      // Leaks are often spaced out, reformatted or encoded to slip past exact matching.
      if (squeezed.contains(squeeze(token))) {
        out.add(new Signal("output.canary-leak-obfuscated", Category.SYSTEM_PROMPT_LEAK, 0.95, 0,
            text.length(), "canary token with separators"));
        continue;
      }
      if (decoded == null) {
        decoded = Decoder.decode(text, Tokens.of(Folded.of(text).text()));
      }
      for (Decoder.Decoded d : decoded) {
        if (squeeze(d.text().toLowerCase(Locale.ROOT)).contains(squeeze(token))) {
          out.add(new Signal("output.canary-leak-encoded", Category.SYSTEM_PROMPT_LEAK, 0.95,
              d.start(), d.end(), d.encoding() + " canary token"));
          break;
        }
      }
    }
  }

  private static String squeeze(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }
}
