package io.rampart.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.rampart.core.Secret;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {

  @Test
  void buildersStartFromDefaultsAndCopy() {
    assertThat(RampartConfig.builder().build()).isEqualTo(RampartConfig.defaults());
    assertThat(ServerConfig.builder().build()).isEqualTo(ServerConfig.DEFAULT);
    assertThat(StorageConfig.builder().build()).isEqualTo(StorageConfig.DEFAULT);
    assertThat(EventsConfig.builder().build()).isEqualTo(EventsConfig.DEFAULT);
    StorageConfig pg =
        StorageConfig.builder().url("jdbc:postgresql://h/db").password(Secret.of("p")).build();
    assertThat(pg.toBuilder().poolSize(3).build())
        .isEqualTo(new StorageConfig("jdbc:postgresql://h/db", "", Secret.of("p"), 3));
    assertThat(pg.jdbcUrl()).contains("jdbc:postgresql://h/db");
  }

  @Test
  void withersStillWork() {
    RampartConfig config =
        RampartConfig.defaults().withDataDir(Path.of("/d")).withServer(new ServerConfig("h", 1));
    assertThat(config.dataDir()).isEqualTo(Path.of("/d"));
    assertThat(config.server()).isEqualTo(new ServerConfig("h", 1));
  }

  @Test
  void settersValidateEagerlyWithConventionalMessages() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServerConfig.builder().port(65536))
        .withMessage("port: 65536 (expected: 0..65535)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServerConfig.builder().host(" "))
        .withMessage("host: \"\" (expected: a host name or IP address)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StorageConfig.builder().poolSize(0))
        .withMessage("pool-size: 0 (expected: 1..200)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StorageConfig.builder().url("jdbc:mysql://x"))
        .withMessageStartingWith("url: jdbc:mysql://x (expected: ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventsConfig.builder().retention(Duration.ofDays(-1)))
        .withMessage("retention: PT-24H (expected: >= 0)");
  }
}
