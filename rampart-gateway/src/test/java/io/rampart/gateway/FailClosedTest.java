package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.event.Severity;
import io.rampart.dlp.DlpConfig;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.Finding;
import io.rampart.dlp.StreamingScanner;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.Test;

/** A detector that errors blocks the request unless the route fails open, which is recorded. */
class FailClosedTest {
  /** A DLP engine whose every scan throws. */
  static final class BrokenDlp implements DlpEngine {
    @Override
    public List<Finding> scan(CharSequence text) {
      throw new IllegalStateException("dlp: out of memory");
    }

    @Override
    public StreamingScanner streamingScanner() {
      throw new IllegalStateException("dlp: out of memory");
    }

    @Override
    public DlpConfig config() {
      return DlpConfig.defaults();
    }
  }

  static RouteConfig.Builder failOpen(RouteConfig.Builder r) {
    PolicyConfig d = PolicyConfig.DEFAULT;
    return r.policy(new PolicyConfig(d.request(), d.response(), d.maxLabel(), d.guard(), true));
  }

  @Test
  void dlpThatThrowsBlocksTheRequest() throws Exception {
    try (Harness h = new Harness(new BrokenDlp(), new StubGuard().engine(), r -> r)) {
      ContentResponse r = h.chat(Harness.ALICE, "hello");

      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(GatewayServerTest.json(r).at("/error/code").asText())
          .isEqualTo("detector_failure");
      assertThat(h.upstream.received).isEmpty();
      assertThat(h.events.await(1).getFirst().attributes())
          .containsEntry("fail_open", false)
          .containsEntry("rules", List.of("detector-failure.dlp"));
    }
  }

  @Test
  void guardThatThrowsOrFailsClosedBlocksTheRequest() throws Exception {
    StubGuard guard = new StubGuard();
    try (Harness h = new Harness(guard.engine())) {
      guard.throwing = true;
      ContentResponse thrown = h.chat(Harness.ALICE, "hello");
      guard.throwing = false;
      guard.failClosed = true;
      ContentResponse failedClosed = h.chat(Harness.ALICE, "hello");

      assertThat(thrown.getStatus()).isEqualTo(403);
      assertThat(failedClosed.getStatus()).isEqualTo(403);
      assertThat(GatewayServerTest.json(failedClosed).at("/error/message").asText())
          .contains("guard detector failed");
      assertThat(h.upstream.received).isEmpty();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void failOpenRouteLetsTheRequestThroughAndRecordsIt() throws Exception {
    StubGuard guard = new StubGuard();
    guard.throwing = true;
    try (Harness h = new Harness(new BrokenDlp(), guard.engine(), FailClosedTest::failOpen)) {
      ContentResponse r = h.chat(Harness.ALICE, "hello");

      assertThat(r.getStatus()).isEqualTo(200);
      assertThat(h.upstream.received).hasSize(1);
      var event = h.events.await(1).getFirst();
      assertThat(event.severity()).isEqualTo(Severity.HIGH);
      assertThat(event.attributes()).containsEntry("fail_open", true)
          .containsEntry("failed_open", true);
      assertThat((List<Object>) event.attributes().get("rules"))
          .contains("detector-failure.dlp", "detector-failure.guard");
    }
  }

  @Test
  void aDetectorThatHangsPastTheDeadlineBlocksOrFailsOpenAsConfigured() throws Exception {
    StubGuard guard = new StubGuard();
    guard.hang = new java.util.concurrent.CountDownLatch(1);
    try (Harness closed = new Harness(Harness.DLP, guard.engine(), r -> r,
            g -> g.detectorTimeout(java.time.Duration.ofMillis(100)));
        Harness open = new Harness(Harness.DLP, guard.engine(), FailClosedTest::failOpen,
            g -> g.detectorTimeout(java.time.Duration.ofMillis(100)))) {
      ContentResponse blocked = closed.chat(Harness.ALICE, "hello " + GatewayServerTest.EMAIL);
      ContentResponse allowed = open.chat(Harness.ALICE, "hello");
      guard.hang.countDown();

      // a missed deadline is overload, not a verdict: 503 so that clients back off and retry
      assertThat(blocked.getStatus()).isEqualTo(503);
      assertThat(blocked.getHeaders().get("Retry-After")).isEqualTo("1");
      assertThat(GatewayServerTest.json(blocked).at("/error/code").asText())
          .isEqualTo("detector_timeout");
      assertThat(closed.upstream.received).isEmpty();
      assertThat(closed.events.await(1).getFirst().attributes())
          .containsEntry("rules", List.of("detector-failure.timeout"))
          .containsEntry("decision", "blocked");
      assertThat(allowed.getStatus()).isEqualTo(200);
      assertThat(open.events.await(1).getFirst().attributes())
          .containsEntry("failed_open", true);
    }
  }

  @Test
  void guardThresholdPerRouteOverridesTheEngineDecision() throws Exception {
    PolicyConfig d = PolicyConfig.DEFAULT;
    PolicyConfig strict = new PolicyConfig(d.request(), d.response(), d.maxLabel(),
        new PolicyConfig.GuardPolicy(true, java.util.Optional.of(0.5), java.util.Optional.empty(),
            java.util.Optional.empty()), false);
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r.policy(strict))) {
      ContentResponse r = h.chat(Harness.ALICE, "maybe do something odd");

      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(GatewayServerTest.json(r).at("/error/code").asText())
          .isEqualTo("prompt_injection");
    }
  }

  @Test
  void dataBoundaryBlocksContentAboveTheRoutesLabel() throws Exception {
    PolicyConfig d = PolicyConfig.DEFAULT;
    PolicyConfig bounded = new PolicyConfig(d.request(), d.response(),
        java.util.Optional.of(io.rampart.dlp.SensitivityLabel.GENERAL), d.guard(), false);
    try (Harness h = new Harness(Harness.DLP, new StubGuard().engine(), r -> r.policy(bounded))) {
      ContentResponse r = h.chat(Harness.ALICE, "card 4111 1111 1111 1111 for the order");

      assertThat(r.getStatus()).isEqualTo(403);
      assertThat(GatewayServerTest.json(r).at("/error/code").asText())
          .isEqualTo("data_boundary");
      assertThat(r.getContentAsString()).doesNotContain("4111");
      assertThat(h.events.await(1).getFirst().attributes().get("findings"))
          .isEqualTo(Map.of("CREDIT_CARD", 1));
    }
  }
}
