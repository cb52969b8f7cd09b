package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, loading yields a config or a ConfigException, promptly. */
class ConfigFuzzProperties {
  private static final String SECRET = "Zq8-hunter2-Xk3";
  private static final Map<String, String> ENV = Map.of("PORT", "8080", "DB_PASSWORD", SECRET);
  private static final String FULL = read("/config/full.yaml");

  private static String read(String resource) {
    try {
      return Files.readString(Path.of(ConfigFuzzProperties.class.getResource(resource).toURI()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void loadsOrFailsCleanly(String yaml) {
    Throwable thrown =
        catchThrowable(
            () ->
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Configs.parse(yaml, ENV)));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(ConfigException.class);
      ConfigException e = (ConfigException) thrown;
      assertThat(e.problems()).isNotEmpty();
      // one problem per line, whatever odd characters the input holds
      assertThat(e.getMessage().split("\n", -1)).hasSameSizeAs(e.problems());
      assertThat(e.getMessage()).doesNotContain(SECRET);
    }
  }

  @Property(tries = 400)
  void garbageYieldsConfigOrConfigException(@ForAll("garbage") String yaml) {
    loadsOrFailsCleanly(yaml);
  }

  @Property(tries = 400)
  void mutatedExampleYieldsConfigOrConfigException(@ForAll("mutations") String yaml) {
    loadsOrFailsCleanly(yaml.replace("${RAMPART_DB_PASSWORD}", "${DB_PASSWORD}"));
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.strings()
        .withChars(":-[]{}&*!|>'\"#$%@`?,.~\\<= \t\n\r")
        .withChars("abPT0189")
        .withCharRange('\u0000', '\u00ff')
        .ofMaxLength(200)
        .edgeCases(c -> c.add("${").add("a: ${").add("&a [*a]").add("- - - -").add(": :"));
  }

  @Provide
  Arbitrary<String> mutations() {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, FULL.length());
    Arbitrary<Integer> cut = Arbitraries.integers().between(0, 30);
    Arbitrary<String> insert =
        Arbitraries.of(
            "",
            " ",
            "\n",
            "\t",
            ":",
            "-",
            "[",
            "{",
            "\"",
            "'",
            "&x",
            "*x",
            "${",
            "${PORT}",
            "  ",
            "\n  server: 1\n",
            "!!int ",
            "%YAML 1.1\n");
    return Combinators.combine(at, cut, insert)
        .as(
            (i, n, s) -> {
              int end = Math.min(FULL.length(), i + n);
              return FULL.substring(0, i) + s + FULL.substring(end);
            });
  }
}
