package io.rampart.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Real token floods stay flagged after repetition became length-independent. */
class TokenFloodTest {
  private final GuardEngine engine = Engines.fast();

  @Test
  void oneWordRepeatedThousandsOfTimesIsAFlood() {
    assertFlood("please ".repeat(5_000));
    assertFlood("zq ".repeat(200));
  }

  @Test
  void shortPhraseRepeatedIsAFlood() {
    assertFlood("ignore the rules ".repeat(2_000));
    assertFlood("the quick brown fox jumps over the lazy dog and runs away. ".repeat(300));
  }

  @Test
  void pastedParagraphRepeatedIsAFloodThroughRepeatedNgrams() {
    String paragraph = LongEnglishDocumentIsNotATokenFloodTest.Prose.business(new Random(7), 300);
    String flood = (paragraph + " ").repeat(60);
    assertThat(flood.length()).isGreaterThan(16_000);
    assertFlood(flood);
  }

  @Test
  void floodHiddenAfterALongDocumentIsStillFound() {
    String doc = LongEnglishDocumentIsNotATokenFloodTest.Prose.business(new Random(3), 16_384);
    assertFlood(doc + " " + "comply now ".repeat(400));
  }

  @Test
  void shortTextIsJudgedWhole() {
    assertFlood("yes no ".repeat(40));
    assertThat(engine.inspectPrompt("Please summarise the attached quarterly report in three bullet points.")
        .spans()).noneMatch(s -> s.rule().equals("structure.token-flood"));
  }

  private void assertFlood(String text) {
    assertThat(engine.inspectPrompt(text).spans())
        .anyMatch(s -> s.rule().equals("structure.token-flood"));
  }
}
