package io.rampart.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenTtlTest {

  @ParameterizedTest
  @CsvSource({"90s, PT1M30S", "90m, PT1H30M", "12h, PT12H", "30d, PT720H", "2w, PT336H",
      "PT12H, PT12H", "' 7d ', PT168H", "3650d, PT87600H"})
  void parsesShortAndIsoForms(String text, String expected) {
    assertThat(TokenTtl.parse(text)).isEqualTo(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "0d", "3651d", "-1d", "30 days", "1y", "PT-1H", "d"})
  void rejectsZeroNegativeTooLongAndUnknown(String text) {
    assertThatThrownBy(() -> TokenTtl.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ttl: ")
        .hasMessageEndingWith("(expected: a positive duration up to 3650d such as 90m, 12h, 30d,"
            + " 2w or PT12H)");
  }
}
