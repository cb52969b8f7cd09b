package io.rampart.cli.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DlpCommandTest {
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
  void scanJsonlPrintsCodePointOffsetsAndNoValues() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "😀 mail ana@globex.net\n");
    assertThat(run("scan", "--format", "jsonl", f.toString())).isZero();
    assertThat(out.toString().trim()).isEqualTo("{\"path\":\"" + f + "\",\"type\":\"EMAIL_ADDRESS\","
        + "\"start\":7,\"end\":21,\"confidence\":\"high\",\"score\":0.9}");
  }

  @Test
  void failOnSetsExitCodeOneAndUsageErrorsTwo() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "card 4111 1111 1111 1111");
    assertThat(run("scan", "--fail-on", "high", f.toString())).isEqualTo(1);
    assertThat(run("scan", "--format", "xml", f.toString())).isEqualTo(2);
    assertThat(run("scan", dir.resolve("missing").toString())).isEqualTo(2);
  }

  @Test
  void binaryFilesAreSkippedWithANote() throws Exception {
    Path f = Files.write(dir.resolve("b.bin"), new byte[] {1, 0, 2, 0, 'x'});
    assertThat(run("scan", dir.toString())).isZero();
    assertThat(err.toString()).contains("skipped binary file").contains(f.getFileName().toString());
  }

  @Test
  void redactMasksCardsAndReplacesTheRest() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "ana@globex.net card 4111 1111 1111 1111");
    assertThat(run("redact", "--action", "CREDIT_CARD=mask", f.toString())).isZero();
    assertThat(out.toString()).isEqualTo("<EMAIL_ADDRESS> card **** **** **** 1111");
  }

  @Test
  void classifyPrintsLabelAndReasons() throws Exception {
    Path f = Files.writeString(dir.resolve("a.txt"), "AKIAZ7Q2M4K6N8P3R5T7");
    assertThat(run("classify", f.toString())).isZero();
    assertThat(out.toString()).startsWith("highly-confidential").contains("AWS_ACCESS_KEY_ID");
  }
}
