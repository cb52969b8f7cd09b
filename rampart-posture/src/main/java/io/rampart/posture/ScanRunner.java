package io.rampart.posture;

import static java.util.Objects.requireNonNull;

import io.rampart.core.catalog.RiskCatalog;
import io.rampart.core.event.Severity;
import io.rampart.discovery.Discovery;
import io.rampart.discovery.Inventory;
import java.io.PrintStream;
import io.rampart.discovery.AzureResourceGraph;
import io.rampart.discovery.SourceKind;
import io.rampart.discovery.TokenSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code rampart scan} without the command-line parsing: discovers assets, evaluates the rules
 * and writes the report. Exit codes: 0 done, 1 a finding or attack path at or above
 * {@code --fail-on}, 2 usage error (bad rule file, no readable input, no Azure credentials).
 * Files that cannot be read are listed on {@code err} and in the report; they do not change the
 * exit code. With {@code --source azure}, arguments that are not existing files are subscription
 * IDs scanned live through Azure Resource Graph, with credentials from the environment: {@code
 * AZURE_ACCESS_TOKEN}, {@code RAMPART_AZURE_CREDENTIAL=managed-identity} or {@code azure-cli},
 * or {@code AZURE_TENANT_ID} + {@code AZURE_CLIENT_ID} + {@code AZURE_CLIENT_SECRET} ({@code AZURE_AUTHORITY_HOST}, {@code AZURE_RESOURCE_MANAGER} override the
 * endpoints).
 */
public final class ScanRunner {
  public static final int OK = 0;
  public static final int FINDINGS = 1;
  public static final int USAGE = 2;

  private final Clock clock;
  private final Discovery discovery;
  private final RiskCatalog catalog;
  private final Map<String, String> env;

  private ScanRunner(Clock clock, Discovery discovery, RiskCatalog catalog,
      Map<String, String> env) {
    this.clock = clock;
    this.discovery = discovery;
    this.catalog = catalog;
    this.env = Map.copyOf(env);
  }

  public static ScanRunner create(Clock clock) {
    return create(clock, Discovery.create(clock), RiskCatalog.builtIn(), System.getenv());
  }

  /** @param env environment for Azure credentials and endpoints */
  public static ScanRunner create(Clock clock, Discovery discovery, RiskCatalog catalog,
      Map<String, String> env) {
    return new ScanRunner(requireNonNull(clock, "clock"), requireNonNull(discovery, "discovery"),
        requireNonNull(catalog, "catalog"), requireNonNull(env, "env"));
  }

  private static Inventory merge(Inventory a, Inventory b) {
    List<io.rampart.discovery.Asset> assets = new ArrayList<>(a.assets());
    assets.addAll(b.assets());
    List<io.rampart.discovery.Relationship> rels = new ArrayList<>(a.relationships());
    rels.addAll(b.relationships());
    List<io.rampart.discovery.ScanError> errors = new ArrayList<>(a.errors());
    errors.addAll(b.errors());
    return Inventory.of(assets, rels, errors);
  }

  /** Runs one scan; never throws for bad input, which is reported on {@code err} instead. */
  public int run(ScanRequest request, PrintStream out, PrintStream err) {
    requireNonNull(request, "request");
    RuleSet rules;
    try {
      rules = RuleSet.load(catalog, request.ruleFiles());
    } catch (PostureException e) {
      err.println("rampart scan: " + e.getMessage());
      return USAGE;
    }
    List<Path> files = request.paths().stream().filter(Files::exists).toList();
    List<String> subscriptions = request.paths().stream().filter(p -> !Files.exists(p))
        .map(Path::toString).toList();
    boolean live = request.source().equals(Optional.of(SourceKind.AZURE))
        && !subscriptions.isEmpty();
    Inventory inventory = discovery.scan(live ? files : request.paths(), request.source());
    if (live) {
      Optional<TokenSource> tokens;
      try {
        tokens = AzureCredentials.fromEnv(env, clock);
      } catch (PostureException e) {
        err.println("rampart scan: " + e.getMessage());
        return USAGE;
      }
      if (tokens.isEmpty()) {
        err.println("rampart scan: azure: no credentials (expected: AZURE_ACCESS_TOKEN, "
            + "RAMPART_AZURE_CREDENTIAL=managed-identity or azure-cli, or AZURE_TENANT_ID and "
            + "AZURE_CLIENT_ID with AZURE_FEDERATED_TOKEN_FILE or AZURE_CLIENT_SECRET)");
        return USAGE;
      }
      Inventory cloud = AzureResourceGraph.create(AzureCredentials.HTTP.get(),
          AzureCredentials.resourceManager(env), tokens.get(), clock)
          .scan(subscriptions, AzureResourceGraph.DEFAULT_QUERY);
      inventory = merge(inventory, cloud);
    }
    inventory.errors().forEach(e -> err.println("rampart scan: " + e));
    if (files.isEmpty() && !live) {
      return USAGE;
    }
    Assessment assessment = PostureEngine.create(rules).assess(inventory);
    assessment.ruleErrors().forEach(e -> err.println("rampart scan: rule " + e.rule() + ": "
        + e.message()));
    Reports.write(request.format(), assessment, rules, clock, out);
    out.flush();
    if (request.failOn().isPresent()) {
      Severity min = request.failOn().get();
      boolean fail = assessment.findings().stream().anyMatch(f -> f.severity().compareTo(min) >= 0)
          || assessment.attackPaths().stream().anyMatch(p -> p.severity().compareTo(min) >= 0);
      return fail ? FINDINGS : OK;
    }
    return OK;
  }
}
