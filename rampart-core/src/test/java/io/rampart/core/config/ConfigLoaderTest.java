package io.rampart.core.config;

import static io.rampart.core.config.Configs.BASE;
import static io.rampart.core.config.Configs.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rampart.core.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  static final Map<String, String> ENV = Map.of("RAMPART_DB_PASSWORD", "s3cret");

  static Path fullYaml() throws Exception {
    return Path.of(ConfigLoaderTest.class.getResource("/config/full.yaml").toURI());
  }

  @Test
  void fullExampleSetsEveryKeyThroughTheBuilders() throws Exception {
    Path file = fullYaml();
    RampartConfig expected =
        RampartConfig.builder()
            .dataDir(file.getParent().resolve("state"))
            .server(ServerConfig.builder().host("0.0.0.0").port(9090).build())
            .storage(
                StorageConfig.builder()
                    .url("jdbc:postgresql://db.internal:5432/rampart")
                    .username("rampart")
                    .password(Secret.of("s3cret"))
                    .poolSize(16)
                    .build())
            .events(EventsConfig.builder().retention(Duration.ofDays(30)).build())
            .build();
    assertThat(ConfigLoader.load(file, ENV)).isEqualTo(expected);
  }

  @Test
  void emptyOrCommentOnlyFileMeansDefaults() {
    assertThat(parse("")).isEqualTo(RampartConfig.defaults());
    assertThat(parse("# nothing yet\n\n")).isEqualTo(RampartConfig.defaults());
    assertThat(parse("~\n")).isEqualTo(RampartConfig.defaults());
    assertThat(parse("server:\nstorage: {}\n")).isEqualTo(RampartConfig.defaults());
  }

  @Test
  void partialSectionKeepsOtherDefaults() {
    RampartConfig config = parse("server:\n  port: 0\nevents:\n  retention: 1h30m\n");
    assertThat(config.server()).isEqualTo(new ServerConfig("127.0.0.1", 0));
    assertThat(config.events().retention()).isEqualTo(Duration.ofMinutes(90));
    assertThat(config.storage()).isEqualTo(StorageConfig.DEFAULT);
  }

  @Test
  void dataDirExpandsTildeAndResolvesRelativeToTheFile() {
    Path home = Path.of(System.getProperty("user.home"));
    assertThat(parse("data-dir: \"~\"\n").dataDir()).isEqualTo(home);
    // a bare ~ is YAML's null: the key counts as absent
    assertThat(parse("data-dir: ~\n").dataDir()).isEqualTo(RampartConfig.defaults().dataDir());
    assertThat(parse("data-dir: ~/rampart-data\n").dataDir())
        .isEqualTo(home.resolve("rampart-data"));
    assertThat(parse("data-dir: state/../data\n").dataDir()).isEqualTo(BASE.resolve("data"));
    assertThat(parse("data-dir: /var/lib/rampart\n").dataDir())
        .isEqualTo(Path.of("/var/lib/rampart").toAbsolutePath());
  }

  @Test
  void loadResolvesAgainstTheFilesFolderAndNamesItAsGiven(@TempDir Path dir) throws IOException {
    Path file =
        Files.writeString(dir.resolve("rampart.yaml"), "data-dir: data\nserver:\n  port: x\n");
    ConfigException e = (ConfigException) catchThrowable(() -> ConfigLoader.load(file, Map.of()));
    assertThat(e.problems())
        .singleElement()
        .extracting(ConfigProblem::source)
        .isEqualTo(file.toString());

    Files.writeString(file, "data-dir: data\n");
    assertThat(ConfigLoader.load(file).dataDir()).isEqualTo(dir.toAbsolutePath().resolve("data"));
  }

  @Test
  void unreadableInputIsAConfigException(@TempDir Path dir) throws IOException {
    Path notUtf8 = Files.write(dir.resolve("bad.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff});
    assertThat(catchThrowable(() -> ConfigLoader.load(notUtf8, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(notUtf8 + ": cannot read (not UTF-8 text)");
    assertThat(catchThrowable(() -> ConfigLoader.load(dir, Map.of())))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(dir + ": cannot read (");
  }

  @Test
  void quotedNumbersAndBooleansAreReadByTheField() {
    assertThat(parse("server:\n  port: \"8080\"\n  host: 10\n").server())
        .isEqualTo(new ServerConfig("10", 8080));
  }

  @Test
  void byteOrderMarkIsIgnored() {
    assertThat(parse("\uFEFFserver:\n  port: 1\n").server().port()).isEqualTo(1);
  }
}
