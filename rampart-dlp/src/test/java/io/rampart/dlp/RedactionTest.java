package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.Secret;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private final DlpEngine engine = DlpEngine.create();
  private static final String TEXT = "Giulia Romano paid with 4111 1111 1111 1111, mail ana@globex.net";

  private String redact(RedactionPolicy policy, String text, PseudonymSession session) {
    RedactionResult r = Redactor.create(policy).redact(text, engine.scan(text), session);
    assertThat(r).isInstanceOf(RedactionResult.Redacted.class);
    return ((RedactionResult.Redacted) r).text();
  }

  @Test
  void masksReplacesAndHashesPerType() {
    RedactionPolicy policy = RedactionPolicy.builder()
        .action("CREDIT_CARD", new RedactionAction.Mask(4))
        .action("EMAIL_ADDRESS", new RedactionAction.Hash())
        .hmacKey(Secret.of("k1"))
        .build();
    String out = redact(policy, TEXT, PseudonymSession.create(new Random(1)));
    assertThat(out).startsWith("<PERSON> paid with **** **** **** 1111, mail <EMAIL_ADDRESS:");
    assertThat(out).doesNotContain("ana@globex.net");
    String again = redact(policy, TEXT, PseudonymSession.create(new Random(2)));
    assertThat(again).isEqualTo(out);
  }

  @Test
  void hashActionWithoutKeyFailsClosed() {
    assertThatThrownBy(() -> RedactionPolicy.builder().defaultAction(new RedactionAction.Hash())
        .build()).isInstanceOf(DlpException.class).hasMessageContaining("hmac-key");
  }

  @Test
  void pseudonymsAreConsistentAndRestorable() {
    RedactionPolicy policy = RedactionPolicy.builder()
        .defaultAction(new RedactionAction.Pseudonymize()).build();
    PseudonymSession session = PseudonymSession.create(new Random(7));
    String text = "Giulia Romano wrote to ana@globex.net; Giulia Romano again.";
    String out = redact(policy, text, session);
    assertThat(out).doesNotContain("Giulia").doesNotContain("ana@");
    String token = out.substring(0, out.indexOf('>') + 1);
    assertThat(out.indexOf(token, 1)).isPositive();
    assertThat(session.restore("Answer: " + token + " is fine")).isEqualTo("Answer: Giulia Romano is fine");
  }

  @Test
  void restorerHandlesTokensSplitAcrossChunks() {
    PseudonymSession session = PseudonymSession.create(new Random(3));
    String token = session.tokenFor("PERSON", "Giulia Romano");
    PseudonymSession.Restorer r = session.restorer();
    String reply = "Hello " + token + ", welcome.";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < reply.length(); i += 3) {
      out.append(r.feed(reply.substring(i, Math.min(reply.length(), i + 3))));
    }
    out.append(r.finish());
    assertThat(out).hasToString("Hello Giulia Romano, welcome.");
  }

  @Test
  void blockActionRefusesTheText() {
    RedactionPolicy policy = RedactionPolicy.builder()
        .action("CREDIT_CARD", new RedactionAction.Block()).build();
    RedactionResult r = Redactor.create(policy).redact(TEXT, engine.scan(TEXT));
    assertThat(r).isEqualTo(new RedactionResult.Blocked(java.util.Set.of("CREDIT_CARD")));
  }

  @Test
  void streamingRedactorNeverReleasesAValueSplitAcrossDeltas() {
    RedactionPolicy policy = RedactionPolicy.builder().build();
    StreamingRedactor s = Redactor.create(policy)
        .streaming(engine, PseudonymSession.create(new Random(1)));
    String text = "Sure! The card is 4111 1111 1111 1111 and the key AKIAZ7Q2M4K6N8P3R5T7. Done.";
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i += 5) {
      RedactionResult r = s.feed(text.substring(i, Math.min(text.length(), i + 5)));
      out.append(((RedactionResult.Redacted) r).text());
      assertThat(out).doesNotContain("4111 1").doesNotContain("AKIAZ7");
    }
    out.append(((RedactionResult.Redacted) s.finish()).text());
    assertThat(out).hasToString(
        "Sure! The card is <CREDIT_CARD> and the key <AWS_ACCESS_KEY_ID>. Done.");
  }

  @Test
  void classifierExplainsItsLabel() {
    Classification c = Classifier.createDefault().classify(engine.scan("credit card " + TEXT));
    assertThat(c.label()).isEqualTo(SensitivityLabel.HIGHLY_CONFIDENTIAL);
    assertThat(c.reasons()).anyMatch(r -> r.contains("CREDIT_CARD"));
    assertThat(Classifier.createDefault().classify(engine.scan("hello world")).label())
        .isEqualTo(SensitivityLabel.PUBLIC);
    assertThat(Classifier.createDefault().classify(engine.scan("mail ana@globex.net")).label())
        .isEqualTo(SensitivityLabel.GENERAL);
  }
}
