package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {
  private final DlpEngine engine = DlpEngine.create();

  @Test
  void zeroWidthCharactersInsideACardAreSeenThroughAndOffsetsCoverTheOriginal() {
    String text = "pay with 4111\u200b1111\u200d1111\u20601111 now";
    List<Finding> found = engine.scan(text);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).type()).isEqualTo("CREDIT_CARD");
    assertThat(found.get(0).value(text)).isEqualTo("4111\u200b1111\u200d1111\u20601111");
  }

  @Test
  void fullWidthDigitsAreFolded() {
    String text = "SSN １２３-４５-６７８９ ok";
    Finding f = engine.scan(text).get(0);
    assertThat(f.type()).isEqualTo("US_SSN");
    assertThat(f.value(text)).isEqualTo("１２３-４５-６７８９");
  }

  @Test
  void homoglyphsInASecretPrefixAreFolded() {
    // Cyrillic А and К in "AKIA"
    String text = "id \u0410\u041aIAZ7Q2M4K6N8P3R5T7 end";
    Finding f = engine.scan(text).get(0);
    assertThat(f.type()).isEqualTo("AWS_ACCESS_KEY_ID");
    assertThat(f.start()).isEqualTo(3);
    assertThat(f.end()).isEqualTo(23);
  }

  @Test
  void offsetsAfterSupplementaryCharactersConvertToCodePoints() {
    String text = "😀😀 mail ana@globex.net";
    Finding f = engine.scan(text).get(0);
    assertThat(f.value(text)).isEqualTo("ana@globex.net");
    assertThat(f.codePointStart(text)).isEqualTo(f.start() - 2);
    assertThat(f.codePointEnd(text) - f.codePointStart(text)).isEqualTo(14);
  }

  @Test
  void unicodeDashesJoinAPhoneNumber() {
    String text = "tel 415\u2013555\u20132671";
    Finding f = engine.scan(text).get(0);
    assertThat(f.type()).isEqualTo("PHONE_NUMBER");
    assertThat(f.value(text)).isEqualTo("415\u2013555\u20132671");
  }
}
