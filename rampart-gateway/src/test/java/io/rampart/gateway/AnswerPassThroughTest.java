package io.rampart.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.client.ContentResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A complete JSON answer that inspection left alone goes out as the upstream's own bytes; one
 * that inspection changed, or whose bytes could say something other than the inspected tree
 * (a repeated key, data after the object), goes out as the inspected tree.
 */
class AnswerPassThroughTest {
  static final String GITHUB = GatewayServerTest.GITHUB;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(new StubGuard().engine());
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void anAnswerInspectionLeftAloneKeepsTheUpstreamsBytes() throws Exception {
    // spacing and an escape that re-serialisation would have rewritten
    String upstream = "{ \"id\" : \"c1\", \"choices\" : [ { \"index\" : 0, \"message\" : "
        + "{ \"role\" : \"assistant\", \"content\" : \"caf\\u00e9 is open\" } } ],"
        + " \"usage\" : { \"prompt_tokens\" : 3, \"completion_tokens\" : 4 } }";
    h.upstream.respond(rq -> FakeUpstream.Answer.json(upstream));

    ContentResponse r = h.chat(Harness.ALICE, "is the cafe open?");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).isEqualTo(upstream);
  }

  @Test
  void aRedactedAnswerIsTheInspectedTree() throws Exception {
    String upstream = "{ \"choices\" : [ { \"message\" : { \"content\" : \"use " + GITHUB
        + "\" } } ] }";
    h.upstream.respond(rq -> FakeUpstream.Answer.json(upstream));

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getContentAsString())
        .isEqualTo("{\"choices\":[{\"message\":{\"content\":\"use <GITHUB_TOKEN>\"}}]}");
  }

  @Test
  void aRepeatedKeyCannotSmuggleAnUninspectedText() throws Exception {
    // Jackson keeps the last "message"; a client that keeps the first must not get the secret
    String upstream = "{\"choices\":[{\"message\":{\"content\":\"use " + GITHUB + "\"},"
        + "\"message\":{\"content\":\"fine\"}}]}";
    h.upstream.respond(rq -> FakeUpstream.Answer.json(upstream));

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getStatus()).isEqualTo(200);
    assertThat(r.getContentAsString()).doesNotContain(GITHUB)
        .isEqualTo("{\"choices\":[{\"message\":{\"content\":\"fine\"}}]}");
  }

  @Test
  void dataAfterTheObjectIsNotRelayed() throws Exception {
    String upstream = "{\"choices\":[{\"message\":{\"content\":\"fine\"}}]}"
        + "{\"choices\":[{\"message\":{\"content\":\"use " + GITHUB + "\"}}]}";
    h.upstream.respond(rq -> FakeUpstream.Answer.json(upstream));

    ContentResponse r = h.chat(Harness.ALICE, "hi");

    assertThat(r.getContentAsString()).doesNotContain(GITHUB)
        .isEqualTo("{\"choices\":[{\"message\":{\"content\":\"fine\"}}]}");
  }
}
