package io.rampart.mcp.gateway;

import io.rampart.core.event.InMemoryEventLog;
import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.config.StorageConfig;
import io.rampart.core.event.JdbcEventLog;
import io.rampart.core.storage.Database;
import io.rampart.dlp.DlpEngine;
import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.GuardSection;
import io.rampart.mcp.JdbcToolPinStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.eclipse.jetty.client.HttpClient;

/**
 * {@link McpLatencyBench} against the shipped quickstart ({@code examples/mcp/rampart.yaml}) as
 * {@code rampart serve} wires it: its policy (pins, poisoning, DLP on arguments and results,
 * guard on results), the guard section's defaults with the model tier as shipped (enabled),
 * pins and {@code mcp.request} events in the embedded H2 database. Two payloads: a short echo
 * (about 50 characters) and a long one (1,348 characters of ordinary prose, long enough that the
 * guard counts it as unsure and runs the model on the result). Not a test; see BENCHMARKS.md.
 */
public final class McpQuickstartLatencyBench {
  private static int warmUp = 500;

  private McpQuickstartLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    Path example = Path.of(args.length > 2 ? args[2] : "examples/mcp/rampart.yaml");
    Path data = Files.createTempDirectory("rampart-mcp-bench");
    // "h2" (as rampart serve: pins and events in the embedded database) or "memory"
    boolean h2 = !(args.length > 3 && args[3].equals("memory"));
    // calls per path and payload before measuring (JIT, connections, guard tables); a loaded
    // 2-core machine is still compiling after the default 500
    warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 500;
    try (FakeMcpUpstream upstream = new FakeMcpUpstream()) {
      RampartConfig rc = ConfigLoader.load(example, Map.of(
          "MCP_UPSTREAM_URL", upstream.url().toString(), "RAMPART_GATEWAY_PORT", "0",
          "RAMPART_DEMO_KEY", McpHarness.ALICE, "RAMPART_LIMITED_KEY", McpHarness.BOB));
      GuardConfig guardConfig = rc.extension(GuardSection.INSTANCE).defaults();
      GuardEngine guard = GuardEngine.create(guardConfig); // as RampartApp does
      guard.warmUp();
      System.out.printf("guard model tier: %s%n", guardConfig.model());
      Database db = Database.open(StorageConfig.DEFAULT, data.resolve("data"));
      io.rampart.core.event.EventLog events = h2 ? JdbcEventLog.create(db, Clock.systemUTC())
          : new InMemoryEventLog();
      io.rampart.mcp.ToolPinStore pins = h2
          ? JdbcToolPinStore.create(db.dataSource(), Clock.systemUTC())
          : io.rampart.mcp.ToolPinStore.inMemory();
      System.out.printf("pins and events: %s%n", h2 ? "embedded H2" : "in memory");
      McpGatewayServer gw = McpGatewayServer.create(rc.extension(McpGatewaySection.INSTANCE),
          McpGatewayServices.of(events, DlpEngine.create(), guard, pins)).start();
      HttpClient c = new HttpClient();
      c.start();
      try {
        // list first: a tool is callable only once listed (pinned and judged clean)
        var listed = c.newRequest(gw.url()).method(org.eclipse.jetty.http.HttpMethod.POST)
            .headers(h -> h.put("Accept", "application/json, text/event-stream")
                .put("Authorization", "Bearer " + McpHarness.ALICE))
            .body(new org.eclipse.jetty.client.StringRequestContent("application/json",
                McpHarness.rpc(1, "tools/list", "{}"))).send();
        System.out.printf("tools/list: %d %s%n", listed.getStatus(),
            McpHarness.toolNames(McpHarness.answer(listed, 1)));
        String shortText = "hello from the benchmark, nothing sensitive in here";
        String longText = LONG;
        // which guard tier decides each payload's result (the model only runs when unsure)
        System.out.printf("guard tier on the short result: %s, on the long one: %s%n",
            verdict(guard, "Echo: " + shortText), verdict(guard, "Echo: " + longText));
        run(c, upstream.url(), gw.url(), "short (" + shortText.length() + " chars)", shortText,
            rounds, perRound);
        run(c, upstream.url(), gw.url(), "long (" + longText.length() + " chars)", longText,
            rounds, perRound);
      } finally {
        c.stop();
        gw.close();
        if (events instanceof JdbcEventLog j) {
          j.close();
        }
        db.close();
      }
    }
  }

  private static String verdict(GuardEngine guard, String text) {
    var v = guard.inspectRetrieved(text);
    return v.tier() + " " + v.decision() + String.format(" %.2f", v.score());
  }

  // ordinary prose without repetition (a repeated paragraph is rightly judged a flood)
  private static final String LONG = "hello from the benchmark. The quarterly report covers "
      + "revenue, hiring and the office move. Revenue grew in every region except the north, "
      + "where two large customers delayed their renewals until the spring. Hiring went more "
      + "slowly than planned: we filled nine of the fourteen open positions, most of them in "
      + "support and operations, and the remaining roles will be posted again next month with "
      + "clearer descriptions. The office move is on schedule. Movers arrive on the second "
      + "Saturday of the month, desks will be numbered by team, and the kitchen on the new "
      + "third floor opens a week later because the plumbing inspection was rescheduled. "
      + "Parking permits for the new building can be requested from facilities until the end "
      + "of the month; bicycles go to the covered racks behind the loading bay. Please review "
      + "the budget appendix before the planning meeting, especially the travel line, which "
      + "ran over by a small amount after the autumn conference. Comments on the draft are "
      + "welcome until Friday, either in the shared document or by talking to your manager. "
      + "Finally, thank you to everyone who helped with the customer survey: response rates "
      + "doubled compared with last year, and the results will be presented at the next all "
      + "hands meeting together with the plan for the product roadmap and the training days "
      + "that several teams asked for during the summer.";

  private static void run(HttpClient c, URI direct, URI gateway, String name, String text,
      int rounds, int perRound) throws Exception {
    String body = McpHarness.call(2, "echo", "{\"message\":\"" + text + "\"}");
    for (int i = 0; i < warmUp; i++) {
      McpLatencyBench.call(c, direct, body, false);
      McpLatencyBench.call(c, gateway, body, true);
    }
    long[] d = new long[rounds * perRound];
    long[] g = new long[rounds * perRound];
    int n = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < perRound; i++, n++) {
        d[n] = McpLatencyBench.call(c, direct, body, false);
        g[n] = McpLatencyBench.call(c, gateway, body, true);
      }
    }
    Arrays.sort(d);
    Arrays.sort(g);
    System.out.printf("%s, calls per path: %d%n", name, n);
    System.out.printf("  direct  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms%n",
        McpLatencyBench.ms(d, 0.5), McpLatencyBench.ms(d, 0.9), McpLatencyBench.ms(d, 0.99));
    System.out.printf("  gateway p50 %.3f ms  p90 %.3f ms  p99 %.3f ms%n",
        McpLatencyBench.ms(g, 0.5), McpLatencyBench.ms(g, 0.9), McpLatencyBench.ms(g, 0.99));
    System.out.printf("  added   p50 %.3f ms  p99 %.3f ms%n",
        McpLatencyBench.ms(g, 0.5) - McpLatencyBench.ms(d, 0.5),
        McpLatencyBench.ms(g, 0.99) - McpLatencyBench.ms(d, 0.99));
  }
}
