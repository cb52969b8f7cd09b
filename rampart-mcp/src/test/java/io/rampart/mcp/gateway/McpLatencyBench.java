package io.rampart.mcp.gateway;

import java.net.URI;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/**
 * Added latency of the MCP gateway per JSON-RPC call: the same {@code tools/call} (echo, with
 * DLP on arguments and result, guard on the result, pin and authorization checks) sent directly
 * to the in-process fake server and through the gateway, alternating in rounds on one client so
 * both paths see the same machine state. Not a test (surefire does not pick it up); run as in
 * docs/BENCHMARKS.md. Prints p50/p90/p99 of each path and the difference of the medians.
 */
public final class McpLatencyBench {
  private McpLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    try (McpHarness h = new McpHarness()) {
      HttpClient c = h.client;
      h.post(McpHarness.ALICE, McpHarness.rpc(1, "tools/list", "{}"));
      String body = McpHarness.call(2, "echo", "{\"message\":\"hello from the benchmark, "
          + "nothing sensitive in here\"}");
      URI direct = h.upstream.url();
      URI gateway = h.url();
      for (int i = 0; i < 2000; i++) { // warm up both paths (JIT, connections, guard tables)
        call(c, direct, body, false);
        call(c, gateway, body, true);
      }
      long[] d = new long[rounds * perRound];
      long[] g = new long[rounds * perRound];
      int n = 0;
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < perRound; i++, n++) {
          d[n] = call(c, direct, body, false);
          g[n] = call(c, gateway, body, true);
        }
      }
      Arrays.sort(d);
      Arrays.sort(g);
      System.out.printf("calls per path: %d%n", n);
      System.out.printf("direct  p50 %.3f ms  p90 %.3f ms  p99 %.3f ms%n", ms(d, 0.5), ms(d, 0.9), ms(d, 0.99));
      System.out.printf("gateway p50 %.3f ms  p90 %.3f ms  p99 %.3f ms%n", ms(g, 0.5), ms(g, 0.9), ms(g, 0.99));
      System.out.printf("added   p50 %.3f ms%n", ms(g, 0.5) - ms(d, 0.5));
    }
  }

  static long call(HttpClient c, URI uri, String body, boolean auth) throws Exception {
    long t = System.nanoTime();
    var r = c.newRequest(uri).method(HttpMethod.POST)
        .headers(h -> {
          h.put("Accept", "application/json, text/event-stream");
          if (auth) {
            h.put("Authorization", "Bearer " + McpHarness.ALICE);
          }
        })
        .body(new StringRequestContent("application/json", body))
        .timeout(10, TimeUnit.SECONDS);
    ContentResponse resp = r.send();
    long took = System.nanoTime() - t;
    if (resp.getStatus() != 200 || !resp.getContentAsString().contains("Echo: hello")) {
      throw new IllegalStateException("unexpected answer " + resp.getStatus() + " "
          + resp.getContentAsString());
    }
    return took;
  }

  static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
  }
}
