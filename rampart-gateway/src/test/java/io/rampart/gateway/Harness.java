package io.rampart.gateway;

import io.rampart.core.storage.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rampart.core.Secret;
import io.rampart.dlp.DlpEngine;
import io.rampart.guard.GuardEngine;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpMethod;

/** A gateway in front of a {@link FakeUpstream}, with a client, events and a clock. */
final class Harness implements AutoCloseable {
  static final String ALICE = "alice-key-0001";
  static final String BOB = "bob-key-0002";
  static final DlpEngine DLP = DlpEngine.create();

  final FakeUpstream upstream;
  final InMemoryEventLog events = new InMemoryEventLog();
  final TestClock clock = TestClock.at(Instant.parse("2026-01-01T10:00:05Z"));
  final GatewayServer gateway;
  final HttpClient client = new HttpClient();

  Harness(DlpEngine dlp, GuardEngine guard, UnaryOperator<RouteConfig.Builder> route)
      throws Exception {
    this(dlp, guard, route, g -> g);
  }

  Harness(DlpEngine dlp, GuardEngine guard, UnaryOperator<RouteConfig.Builder> route,
      UnaryOperator<GatewayConfig.Builder> gatewayOptions) throws Exception {
    upstream = new FakeUpstream();
    GatewayConfig config = gatewayOptions.apply(GatewayConfig.builder()).enabled(true).port(0)
        .route(route.apply(RouteConfig.builder("openai").upstream(upstream.baseUrl())
            .credential(new UpstreamCredential.StaticKey("Authorization",
                Secret.of("upstream-key"))).allowGroups(Set.of("analysts", "limited")))
            .build())
        .apiKey(ApiKeyConfig.builder("alice").key(Secret.of(ALICE))
            .groups(Set.of("analysts")).build())
        .apiKey(ApiKeyConfig.builder("bob").key(Secret.of(BOB)).groups(Set.of("limited"))
            .requestsPerMinute(5).build())
        .build();
    gateway = GatewayServer.create(config, new GatewayServices(events, dlp, guard, clock,
        new SplittableRandom(7), new SimpleMeterRegistry())).start();
    client.start();
  }

  Harness(GuardEngine guard) throws Exception {
    this(DLP, guard, r -> r);
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + gateway.port() + path);
  }

  ContentResponse post(String path, String key, String json) throws Exception {
    var req = client.newRequest(url(path)).method(HttpMethod.POST)
        .body(new StringRequestContent("application/json", json))
        .timeout(10, TimeUnit.SECONDS);
    if (key != null) {
      req.headers(h -> h.put("Authorization", "Bearer " + key));
    }
    return req.send();
  }

  ContentResponse chat(String key, String userText) throws Exception {
    return post("/v1/chat/completions", key, """
        {"model":"gpt-test","messages":[{"role":"system","content":"You help."},\
        {"role":"user","content":%s}]}""".formatted(json(userText)));
  }

  static String json(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  @Override
  public void close() throws Exception {
    client.stop();
    gateway.close();
    upstream.close();
  }
}
