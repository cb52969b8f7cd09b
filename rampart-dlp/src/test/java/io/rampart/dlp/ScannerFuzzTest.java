package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ScannerFuzzTest {
  private static final DlpEngine ENGINE = DlpEngine.create();

  private static void checkWellFormed(String text) {
    List<Finding> found = ENGINE.scan(text);
    int last = 0;
    for (Finding f : found) {
      assertThat(f.start()).isGreaterThanOrEqualTo(last);
      assertThat(f.end()).isLessThanOrEqualTo(text.length()).isGreaterThan(f.start());
      last = f.end();
    }
  }

  @Property(tries = 300)
  void anyUnicodeTextGivesOrderedInBoundsFindings(@ForAll @StringLength(max = 400) String text) {
    checkWellFormed(text);
  }

  @Property(tries = 300)
  void denseSeparatorAndDigitSoupIsHandled(
      @ForAll @StringLength(max = 400) @CharRange(from = '0', to = '9')
          @Chars({' ', '-', '.', '+', '(', ')', '@', ':', '/', '=', 'A', 'K', 'I', 'x', 'o', 'b',
              '_', 's', 'k', 'e', 'y', 'J', '\u200b', '\uff11'})
          String text) {
    checkWellFormed(text);
  }

  @Test
  @Timeout(10)
  void pathologicalInputsFinishQuickly() {
    for (String unit : List.of("1 ", "1-", "a@", "@a.", "-----BEGIN PRIVATE KEY-----", "sk-",
        "+1 ", "1.", "a:", "::", "password ", "ghp_", "eyJ.", "\u200b", "John ")) {
      checkWellFormed(unit.repeat(200_000 / unit.length()));
    }
  }

  @Test
  @Timeout(10)
  void hugeSingleLineIsScannedInBoundedTime() {
    String line = "x".repeat(5_000_000) + " 4111 1111 1111 1111";
    assertThat(ENGINE.scan(line)).extracting(Finding::type).containsExactly("CREDIT_CARD");
  }
}
