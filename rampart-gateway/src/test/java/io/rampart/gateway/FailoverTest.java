package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries only where safe: which upstream answers are tried again elsewhere, and how often. */
class FailoverTest {
  Harness h;
  final List<FakeUpstream> others = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    h = new Harness(new StubGuard().engine());
  }

  @AfterEach
  void stop() throws Exception {
    for (FakeUpstream u : others) {
      u.close();
    }
    h.close();
  }

  FakeUpstream another() throws Exception {
    FakeUpstream u = new FakeUpstream();
    others.add(u);
    return u;
  }

  /** The route's upstreams become {@code upstreams}, in order. */
  void route(List<URI> upstreams) {
    GatewayConfig c = h.gateway.config();
    RouteConfig r = c.routes().getFirst();
    h.gateway.reconfigure(c.withRoutes(List.of(new RouteConfig(r.name(), r.pathPrefix(),
        r.protocol(), upstreams, r.models(), r.credential(), r.allowGroups(),
        r.allowPrincipals(), 0, 0, r.policy()))));
  }

  static FakeUpstream.Answer status(int status) {
    return new FakeUpstream.Answer(status, "application/json",
        List.of("{\"error\":{\"message\":\"status " + status + "\"}}"));
  }

  @Test
  void a503IsDroppedAndTheRequestGoesToTheNextUpstream() throws Exception {
    FakeUpstream second = another();
    h.upstream.respond(r -> status(503));
    second.respond(r -> FakeUpstream.Answer.json(FakeUpstream.chat("from the second")));
    route(List.of(h.upstream.baseUrl(), second.baseUrl()));

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).contains("from the second").doesNotContain("status 503");
    assertThat(h.upstream.received).hasSize(1);
    assertThat(second.received).hasSize(1);
    assertThat(h.events.await(1).getFirst().attributes())
        .containsEntry("upstream_attempts", 2).containsEntry("upstream_status", 200);
  }

  @Test
  void a502FromTheLastUpstreamIsRelayedAsItIs() throws Exception {
    h.upstream.respond(r -> status(502));

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getStatus()).isEqualTo(502);
    assertThat(r.getContentAsString()).contains("status 502");
    assertThat(h.upstream.received).hasSize(1);
  }

  @Test
  void a500IsNotRetriedBecauseTheUpstreamMayHaveActedOnTheRequest() throws Exception {
    FakeUpstream second = another();
    h.upstream.respond(r -> status(500));
    route(List.of(h.upstream.baseUrl(), second.baseUrl()));

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getStatus()).isEqualTo(500);
    assertThat(second.received).isEmpty();
  }

  @Test
  void attemptsAreBoundedEvenWithMoreUpstreams() throws Exception {
    List<FakeUpstream> all = new ArrayList<>(List.of(h.upstream));
    for (int i = 0; i < 3; i++) {
      all.add(another());
    }
    all.forEach(u -> u.respond(r -> status(503)));
    route(all.stream().map(FakeUpstream::baseUrl).toList());

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getStatus()).isEqualTo(503);
    assertThat(all.stream().mapToInt(u -> u.received.size()).sum())
        .isEqualTo(Upstreams.MAX_ATTEMPTS);
    assertThat(all.getLast().received).isEmpty();
  }

  @Test
  void aPostWhoseConnectionDiesIsNotSentAgainButAGetIs() throws Exception {
    FakeUpstream second = another();
    AtomicInteger hangups = new AtomicInteger();
    try (ServerSocket dropper = new ServerSocket(0)) {
      Thread.ofVirtual().start(() -> hangUpOnEveryRequest(dropper, hangups));
      route(List.of(URI.create("http://127.0.0.1:" + dropper.getLocalPort() + "/v1"),
          second.baseUrl()));
      second.respond(r -> FakeUpstream.Answer.json(
          "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-test\",\"object\":\"model\"}]}"));

      ContentResponse post = h.chat(Harness.ALICE, "hi");
      ContentResponse get = h.client.newRequest(h.url("/v1/models"))
          .headers(x -> x.put("Authorization", "Bearer " + Harness.ALICE))
          .timeout(10, TimeUnit.SECONDS).send();

      assertThat(post.getStatus()).isEqualTo(502);
      assertThat(get.getStatus()).isEqualTo(200);
      assertThat(second.received).extracting(FakeUpstream.Received::method)
          .containsExactly("GET");
      assertThat(hangups.get()).isEqualTo(2);
    }
  }

  /** Accepts, reads the request head, and closes without answering. */
  private static void hangUpOnEveryRequest(ServerSocket server, AtomicInteger hangups) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        int matched = 0;
        int b;
        // up to the blank line that ends the head: the request reached the upstream
        while (matched < 4 && (b = in.read()) >= 0) {
          matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : 0;
        }
        hangups.incrementAndGet();
      } catch (java.io.IOException e) {
        return;
      }
    }
  }
}
