package io.rampart.cli.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AotTrainingCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new DlpCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void writesRotatedMegabyteFilesThatScanFindsManyKindsIn() throws Exception {
    Path in = dir.resolve("in");
    assertThat(run("aot-training", "--mb", "2", in.toString())).isZero();
    try (Stream<Path> files = Files.list(in)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("train-000.txt", "train-001.txt");
    }
    String a = Files.readString(in.resolve("train-000.txt"));
    String b = Files.readString(in.resolve("train-001.txt"));
    assertThat(a).hasSize(1 << 20);
    // each file starts elsewhere in the text: scan windows end in different places
    assertThat(a).isNotEqualTo(b);
    assertThat(run("scan", "--format", "jsonl", in.toString())).isZero();
    // the profiles are only as good as the branches the text reaches: many detectors must fire
    assertThat(out.toString()).contains("\"CREDIT_CARD\"", "\"IBAN_CODE\"", "\"EMAIL_ADDRESS\"",
        "\"PHONE_NUMBER\"", "\"IP_ADDRESS\"", "\"PERSON\"");
  }

  @Test
  void anOutOfRangeSizeIsAUsageError() {
    assertThat(run("aot-training", "--mb", "0", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--mb: 0 (expected: 1..1024)");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void isHiddenFromHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("scan").doesNotContain("aot-training");
  }
}
