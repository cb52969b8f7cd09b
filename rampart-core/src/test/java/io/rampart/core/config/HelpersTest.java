package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelpersTest {

  @Test
  void durationsInShortAndIsoForms() {
    assertThat(Durations.parse("90d")).contains(Duration.ofDays(90));
    assertThat(Durations.parse("12h")).contains(Duration.ofHours(12));
    assertThat(Durations.parse("30m")).contains(Duration.ofMinutes(30));
    assertThat(Durations.parse("45s")).contains(Duration.ofSeconds(45));
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("0")).contains(Duration.ZERO);
    assertThat(Durations.parse("P2DT3H")).contains(Duration.ofHours(51));
    assertThat(Durations.parse("90")).isEmpty();
    assertThat(Durations.parse("2w")).contains(Duration.ofDays(14));
    assertThat(Durations.parse("1y")).isEmpty();
    assertThat(Durations.parse("99999999999999999999d")).isEmpty();
    assertThat(Durations.parse("9999999999999999d")).isEmpty();
    assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("1d12h");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofNanos(5))).isEqualTo("PT0.000000005S");
  }

  @Test
  void suggestionsToleratesTyposCaseAndSeparators() {
    List<String> keys = List.of("url", "username", "password", "pool-size");
    assertThat(Suggestions.closest("pasword", keys)).contains("password");
    assertThat(Suggestions.closest("poolSize", keys)).contains("pool-size");
    assertThat(Suggestions.closest("USERNAME", keys)).contains("username");
    assertThat(Suggestions.closest("usre", keys)).isEmpty();
    assertThat(Suggestions.closest("colour", keys)).isEmpty();
    assertThat(Suggestions.closest("ulr", keys)).contains("url");
  }
}
