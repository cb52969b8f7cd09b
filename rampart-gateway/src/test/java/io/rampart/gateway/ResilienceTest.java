package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;

/** Overload shedding, upstream timeouts, failover and the circuit breaker. */
class ResilienceTest {
  static URI deadUpstream() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/v1");
    }
  }

  @Test
  void beyondMaxInFlightRequestsAreShedWith503() throws Exception {
    CountDownLatch arrived = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r, g -> g.maxInFlight(1))) {
      h.upstream.respond(rq -> {
        arrived.countDown();
        await(release);
        return FakeUpstream.Answer.json(FakeUpstream.chat("slow"));
      });
      CompletableFuture<ContentResponse> first =
          CompletableFuture.supplyAsync(() -> call(h));
      assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();

      ContentResponse shed = h.chat(Harness.ALICE, "second");
      release.countDown();

      assertThat(shed.getStatus()).isEqualTo(503);
      assertThat(shed.getHeaders().get("Retry-After")).isEqualTo("1");
      assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    }
  }

  @Test
  void aSlowUpstreamIsAnsweredWith504AfterTheTimeout() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r,
        g -> g.upstreamTimeout(Duration.ofMillis(300)))) {
      h.upstream.respond(rq -> {
        await(release);
        return FakeUpstream.Answer.json(FakeUpstream.chat("late"));
      });

      ContentResponse r = h.chat(Harness.ALICE, "hi");
      release.countDown();

      assertThat(r.getStatus()).isEqualTo(504);
      assertThat(GatewayServerTest.json(r).at("/error/code").asText())
          .isEqualTo("upstream_timeout");
      assertThat(h.events.await(1).getFirst().attributes()).containsEntry("decision", "error");
    }
  }

  @Test
  void aDeadUpstreamFailsOverToTheNextOne() throws Exception {
    URI dead = deadUpstream();
    try (Harness h = new Harness(new StubGuard().engine())) {
      GatewayConfig c = h.gateway.config();
      RouteConfig r = c.routes().getFirst();
      h.gateway.reconfigure(c.withRoutes(List.of(new RouteConfig(r.name(),
          r.pathPrefix(), r.protocol(), List.of(dead, h.upstream.baseUrl()), r.models(),
          r.credential(), r.allowGroups(), r.allowPrincipals(), 0, 0, r.policy()))));

      ContentResponse resp = h.chat(Harness.ALICE, "hi");

      assertThat(resp.getStatus()).isEqualTo(200);
      assertThat(h.upstream.received).hasSize(1);
    }
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndClosesAfterItsPause() throws Exception {
    URI dead = deadUpstream();
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r)) {
      GatewayConfig c = h.gateway.config();
      RouteConfig r = c.routes().getFirst();
      h.gateway.reconfigure(c.withRoutes(List.of(new RouteConfig(r.name(),
          r.pathPrefix(), r.protocol(), List.of(dead), r.models(), r.credential(),
          r.allowGroups(), r.allowPrincipals(), 0, 0, r.policy()))));

      for (int i = 0; i < Upstreams.BREAKER_FAILURES; i++) {
        assertThat(h.chat(Harness.ALICE, "hi").getStatus()).isEqualTo(502);
      }
      ContentResponse open = h.chat(Harness.ALICE, "hi");
      h.clock.advance(Upstreams.BREAKER_OPEN);
      ContentResponse retried = h.chat(Harness.ALICE, "hi");

      assertThat(open.getContentAsString()).contains("circuit breakers open");
      assertThat(retried.getContentAsString()).contains("connection refused");
    }
  }

  private static ContentResponse call(Harness h) {
    try {
      return h.chat(Harness.ALICE, "first");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
