package io.rampart.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rampart.core.inventory.AssetLink;
import io.rampart.core.inventory.AssetQuery;
import io.rampart.core.inventory.AssetRecord;
import io.rampart.core.inventory.FindingQuery;
import io.rampart.core.inventory.InventoryStore;
import io.rampart.core.inventory.Page;
import io.rampart.core.inventory.RunResult;
import io.rampart.core.inventory.StoredFinding;
import io.rampart.discovery.Discovery;
import io.rampart.discovery.SourceKind;
import io.rampart.posture.AiBom;
import io.rampart.posture.AssessmentPlan;
import io.rampart.posture.AssessmentService;
import io.rampart.posture.InventoryRecords;
import io.rampart.posture.PostureException;
import io.rampart.server.app.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rampart inventory list|show|export|assess}: the stored AI asset inventory in the
 * configured storage (opened like {@code rampart events}).
 */
@Command(
    name = "inventory",
    mixinStandardHelpOptions = true,
    description = "The stored AI asset inventory: list, show, export as a CycloneDX AI-BOM, or "
        + "assess paths now and store the run.",
    subcommands = {InventoryCommand.ListAssets.class, InventoryCommand.Show.class,
        InventoryCommand.Export.class, InventoryCommand.Assess.class})
final class InventoryCommand implements Runnable {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code rampart inventory list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List assets by ID.")
  static final class ListAssets implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--kind", paramLabel = "KIND", description = "Only this kind, e.g. ai_account.")
    @Nullable String kind;

    @Option(names = "--provider", paramLabel = "PROVIDER", description = "azure, aws, gcp, kubernetes or code")
    @Nullable String provider;

    @Option(names = "--include-missing", description = "Also list assets no longer seen.")
    boolean includeMissing;

    @Option(names = "--limit", paramLabel = "N", description = "At most N assets (default 100, max 1000).")
    int limit = 100;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    String format = "text";

    @Override
    public Integer call() throws IOException {
      String f = Formats.of(format, "text", "json");
      AssetQuery.Builder q = AssetQuery.builder().includeMissing(includeMissing).limit(limit);
      if (kind != null) {
        q.kind(kind.strip());
      }
      if (provider != null) {
        q.provider(provider.strip());
      }
      try (Services services = TokenCommand.open(spec)) {
        Page<AssetRecord> page = services.inventory().assets(q.build());
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("json")) {
          out.println(JSON.writeValueAsString(Map.of("assets",
              page.items().stream().map(InventoryCommand::json).toList())));
        } else {
          for (AssetRecord a : page.items()) {
            out.printf("%-18s %-10s %-8s %s%s%n", a.kind(), a.provider(),
                a.missing() ? "missing" : "present", a.id(),
                a.owner().map(o -> "  (owner " + o + ")").orElse(""));
          }
          if (page.nextCursor().isPresent()) {
            out.println("(more: raise --limit or narrow the filters)");
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  /** {@code rampart inventory show ID}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "One asset: properties, relationships and current findings.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The asset's ID.")
    String id = "";

    @Override
    public Integer call() throws IOException {
      try (Services services = TokenCommand.open(spec)) {
        InventoryStore store = services.inventory();
        Optional<AssetRecord> asset = store.asset(id);
        if (asset.isEmpty()) {
          spec.commandLine().getErr().println("rampart inventory: asset: " + id
              + " (expected: an ID from 'rampart inventory list')");
          return 1;
        }
        Map<String, Object> body = json(asset.get());
        body.put("relationships", store.links(id).stream().map(l -> Map.of("from", l.from(),
            "type", l.type(), "to", l.to())).toList());
        body.put("findings", store.findings(FindingQuery.builder().asset(id).limit(1000).build())
            .items().stream().map(InventoryCommand::json).toList());
        spec.commandLine().getOut().println(JSON.writeValueAsString(body));
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  /** {@code rampart inventory export [--out FILE]}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export the inventory as a CycloneDX 1.6 AI-BOM (JSON).")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    @Nullable Path outFile;

    @Option(names = "--include-missing", description = "Also export assets no longer seen.")
    boolean includeMissing;

    @Override
    public Integer call() throws IOException {
      try (Services services = TokenCommand.open(spec)) {
        List<AssetRecord> assets = new ArrayList<>();
        services.inventory().forEachAsset(includeMissing, assets::add);
        List<AssetLink> links = services.inventory().links();
        String bom = AiBom.json(InventoryRecords.inventory(assets, links), services.clock());
        if (outFile == null) {
          spec.commandLine().getOut().println(bom);
          spec.commandLine().getOut().flush();
        } else {
          Files.writeString(outFile, bom + "\n", StandardCharsets.UTF_8);
        }
        spec.commandLine().getErr().println("Exported " + assets.size()
            + " assets (CycloneDX 1.6).");
        return 0;
      }
    }
  }

  /** {@code rampart inventory assess [--scope NAME] [--source KIND] PATH...}. */
  @Command(name = "assess", mixinStandardHelpOptions = true,
      description = "Scan paths now and store the run: inventory updated, new and resolved "
          + "findings recorded and written to the event log.")
  static final class Assess implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--scope", paramLabel = "NAME", description = "Compare with earlier runs of this scope (default: manual).")
    String scope = InventoryStore.MANUAL_SCOPE;

    @Option(names = "--source", paramLabel = "SOURCE", description = "arg-json, arm, terraform, k8s or code (default: detected per file)")
    @Nullable String source;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule files, repeatable.")
    List<Path> rules = new ArrayList<>();

    @Override
    public Integer call() {
      Optional<SourceKind> kind = Optional.ofNullable(source).map(SourceKind::parse);
      try (Services services = TokenCommand.open(spec)) {
        AssessmentService service = AssessmentService.create(services.inventory(),
            services.eventLog(), Discovery.create(services.clock()), services.catalog());
        RunResult r;
        try {
          r = service.run(new AssessmentPlan(scope, paths, kind, rules));
        } catch (PostureException e) {
          spec.commandLine().getErr().println("rampart inventory assess: " + e.getMessage());
          return 2;
        }
        spec.commandLine().getOut().printf("assessment %s (%s): %d assets (%d new, %d missing),"
                + " %d findings (%d new, %d resolved), %d unreadable inputs%n", r.run().id(),
            r.run().scope(), r.run().counts().assets(), r.added().size(), r.missing().size(),
            r.run().counts().findings(), r.newFindings().size(), r.resolvedFindings().size(),
            r.run().counts().errors());
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }

  static Map<String, Object> json(AssetRecord a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("kind", a.kind());
    m.put("type", a.type());
    m.put("name", a.name());
    m.put("provider", a.provider());
    m.put("location", a.location().orElse(null));
    m.put("owner", a.owner().orElse(null));
    m.put("tags", a.tags());
    m.put("source", a.source());
    m.put("firstSeen", a.firstSeen().toString());
    m.put("lastSeen", a.lastSeen().toString());
    m.put("missing", a.missing());
    m.put("properties", a.properties());
    return m;
  }

  static Map<String, Object> json(StoredFinding s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rule", s.finding().rule());
    m.put("severity", s.finding().severity().id());
    m.put("status", s.status().id());
    m.put("title", s.finding().title());
    m.put("score", s.finding().score());
    m.put("references", s.finding().references());
    m.put("assessment", s.assessment());
    return m;
  }
}
