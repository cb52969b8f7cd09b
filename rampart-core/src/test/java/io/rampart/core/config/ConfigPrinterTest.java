package io.rampart.core.config;

import static io.rampart.core.config.Configs.parse;
import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {

  /** describe() loses only secret values; put the original back before comparing. */
  private static RampartConfig reparse(RampartConfig config) {
    RampartConfig back = parse(config.describe());
    return back.toBuilder()
        .storage(back.storage().toBuilder().password(config.storage().password()).build())
        .build();
  }

  @Test
  void describesEveryKeyAsYaml() throws Exception {
    RampartConfig config = ConfigLoader.load(ConfigLoaderTest.fullYaml(), ConfigLoaderTest.ENV);
    assertThat(config.describe())
        .isEqualTo(
            "data-dir: "
                + config.dataDir()
                + "\n"
                + "server:\n  host: 0.0.0.0\n  port: 9090\n"
                + "storage:\n"
                + "  url: jdbc:postgresql://db.internal:5432/rampart\n"
                + "  username: rampart\n"
                + "  password: <redacted>\n"
                + "  pool-size: 16\n"
                + "events:\n  retention: 30d\n");
  }

  @Test
  void fullExampleRoundTrips() throws Exception {
    RampartConfig config = ConfigLoader.load(ConfigLoaderTest.fullYaml(), ConfigLoaderTest.ENV);
    assertThat(reparse(config)).isEqualTo(config);
    assertThat(parse(config.describe()).storage().password()).isEqualTo(Secret.of("<redacted>"));
  }

  @Test
  void defaultsRoundTrip() {
    assertThat(reparse(RampartConfig.defaults())).isEqualTo(RampartConfig.defaults());
  }

  @Test
  void awkwardValuesRoundTrip() {
    RampartConfig config =
        RampartConfig.builder()
            .dataDir(Path.of("/tmp/${HOME}/dir with spaces").toAbsolutePath())
            .storage(
                StorageConfig.builder()
                    .username("true")
                    .url("jdbc:h2:mem:x;MODE=PostgreSQL")
                    .build())
            .events(EventsConfig.builder().retention(Duration.ofMillis(90_061_001)).build())
            .build();
    assertThat(reparse(config)).isEqualTo(config);
    assertThat(Durations.format(Duration.ofMillis(90_061_001))).isEqualTo("1d1h1m1s1ms");
  }

  @Property(tries = 300)
  void anyUsernameAndHostRoundTrip(
      @ForAll
          @StringLength(max = 40)
          @CharRange(from = ' ', to = '~')
          @Chars({'\n', '\t', 'é', '€'})
          String username,
      @ForAll @StringLength(min = 1, max = 20) @CharRange(from = '!', to = '~') String host,
      @ForAll("durations") Duration retention) {
    RampartConfig config =
        RampartConfig.builder()
            .server(ServerConfig.builder().host(host).build())
            .storage(
                StorageConfig.builder().username(username).password(Secret.of(username)).build())
            .events(EventsConfig.builder().retention(retention).build())
            .build();
    assertThat(reparse(config)).isEqualTo(config);
  }

  @Provide
  Arbitrary<Duration> durations() {
    return Arbitraries.longs().between(0, 10_000L * 86_400_000L).map(Duration::ofMillis);
  }

  @Test
  void unknownEnvDoesNotMatterForDescribedOutput() {
    RampartConfig config = parse("storage:\n  username: \"$${LITERAL}\"\n", Map.of());
    assertThat(config.describe()).contains("username: $${LITERAL}");
    assertThat(reparse(config)).isEqualTo(config);
  }
}
