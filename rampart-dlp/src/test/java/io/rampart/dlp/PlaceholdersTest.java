package io.rampart.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The one-pass ASCII path of {@link Placeholders#isPlaceholder} must agree with the reference. */
class PlaceholdersTest {
  @Property(tries = 2000)
  void asciiFastPathAgreesWithTheReference(
      @ForAll @StringLength(min = 1, max = 120) @CharRange(from = 'a', to = 'h')
          @Chars({'x', 'X', 'y', 'o', 'u', 'r', 'Y', '<', '>', '$', '{', '.', '*', '0', '1', '2',
              '3', '4', '5', '6', '7', 'E', 'A', 'P', 'L', 'M', '_', 'k', 'n', 's'})
          String v) {
    assertThat(Placeholders.isPlaceholder(v, 0, v.length()))
        .isEqualTo(Placeholders.generalPlaceholder(v, 0, v.length()));
  }

  @Test
  void markersAnywhereAndLowVarietyAreCaughtCaseInsensitively() {
    assertThat(Placeholders.isPlaceholder("key=sk-YOUR-key-HERE1", 4, 21)).isTrue();
    assertThat(Placeholders.isPlaceholder("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", 0, 32)).isTrue();
    assertThat(Placeholders.isPlaceholder("Zq8rT3vLm9Xw2Kp7", 0, 16)).isFalse();
    // a long random body is not a placeholder, and the answer does not depend on its length
    String body = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7".repeat(40);
    assertThat(Placeholders.isPlaceholder(body, 0, body.length())).isFalse();
  }
}
