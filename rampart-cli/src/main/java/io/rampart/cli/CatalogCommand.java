package io.rampart.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rampart.core.catalog.CatalogEntry;
import io.rampart.core.catalog.EntryKind;
import io.rampart.core.catalog.Framework;
import io.rampart.core.catalog.RiskCatalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rampart catalog list|show}: the risk catalog (OWASP LLM, OWASP Agentic, ATLAS). */
@Command(
    name = "catalog",
    mixinStandardHelpOptions = true,
    description = "Browse the risk catalog: OWASP LLM Top 10, OWASP Agentic Top 10, MITRE ATLAS.",
    subcommands = {CatalogCommand.ListEntries.class, CatalogCommand.Show.class})
final class CatalogCommand implements Runnable {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rampart catalog list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List catalog entries.")
  static final class ListEntries implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--framework", paramLabel = "NAME", description = "atlas, owasp-llm or owasp-agentic")
    @Nullable String framework;

    @Option(names = "--kind", paramLabel = "KIND", description = "risk, tactic, technique, subtechnique or mitigation")
    @Nullable String kind;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    String format = "text";

    @Override
    public Integer call() throws Exception {
      RiskCatalog catalog = RiskCatalog.builtIn();
      List<CatalogEntry> entries =
          framework == null ? catalog.entries() : catalog.entries(Framework.parse(framework));
      if (kind != null) {
        EntryKind k = parseKind(kind);
        entries = entries.stream().filter(e -> e.kind() == k).toList();
      }
      PrintWriter out = spec.commandLine().getOut();
      switch (Formats.of(format, "text", "json")) {
        case "json" -> out.println(JSON.writeValueAsString(entries.stream().map(CatalogCommand::toMap).toList()));
        default -> {
          for (CatalogEntry e : entries) {
            out.printf("%-14s %-13s %-12s %s%n", e.id(), e.framework().id(), e.kind().id(), e.name());
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code rampart catalog show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one catalog entry.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "e.g. LLM01, ASI02, AML.T0051")
    String id = "";

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    String format = "text";

    @Override
    public Integer call() throws Exception {
      RiskCatalog catalog = RiskCatalog.builtIn();
      CatalogEntry e =
          catalog
              .find(id)
              .orElseThrow(
                  () -> new IllegalArgumentException(
                      "catalog show: " + id + " (expected: a catalog ID such as LLM01 or AML.T0051; see 'rampart catalog list')"));
      PrintWriter out = spec.commandLine().getOut();
      if (Formats.of(format, "text", "json").equals("json")) {
        out.println(JSON.writeValueAsString(toMap(e)));
      } else {
        out.println(e.id() + "  " + e.name());
        out.println("Framework:  " + e.framework().title() + " (" + e.kind().id() + ")");
        out.println("URL:        " + e.url());
        if (!e.related().isEmpty()) {
          out.println("Related:    " + String.join(", ", e.related()));
        }
        List<CatalogEntry> referring = catalog.relatedTo(e.id());
        if (!referring.isEmpty()) {
          out.println("Referenced by: "
              + String.join(", ", referring.stream().map(CatalogEntry::id).toList()));
        }
        out.println();
        out.println(e.description());
      }
      out.flush();
      return 0;
    }
  }

  static EntryKind parseKind(String text) {
    try {
      return EntryKind.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "kind: " + text + " (expected: risk, tactic, technique, subtechnique or mitigation)");
    }
  }

  static java.util.Map<String, Object> toMap(CatalogEntry e) {
    var m = new java.util.LinkedHashMap<String, Object>();
    m.put("id", e.id());
    m.put("framework", e.framework().id());
    m.put("kind", e.kind().id());
    m.put("name", e.name());
    m.put("url", e.url());
    m.put("related", e.related());
    m.put("description", e.description());
    return m;
  }
}
