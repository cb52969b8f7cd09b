package io.rampart.cli.dlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.rampart.cli.RampartCommand;
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

  @Test
  void manyFilesOnSeveralThreadsReportEveryFindingOnceAsItStreams() throws Exception {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Path f = Files.writeString(dir.resolve("f" + i + ".txt"), "row " + i + " contact ana" + i
          + "@globex.net\n" + "filler text\n".repeat(i * 50));
      paths.add(f.toString());
    }
    assertThat(run("scan", "--format", "jsonl", "--threads", "4", dir.toString())).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines).hasSize(24).allMatch(l -> l.contains("\"type\":\"EMAIL_ADDRESS\""));
    assertThat(lines.stream().map(l -> l.substring(9, l.indexOf("\",\"type\""))).toList())
        .containsExactlyInAnyOrderElementsOf(paths);
  }

  @Test
  void eachFilesLinesComeOutTogetherOnSeveralThreads() throws Exception {
    // 5,000 findings a file: more lines than a worker buffers, so files stream while others wait
    for (int i = 0; i < 6; i++) {
      StringBuilder text = new StringBuilder();
      for (int k = 0; k < 5000; k++) {
        text.append("mail ana").append(k).append("@globex").append(i).append(".net\n");
      }
      Files.writeString(dir.resolve("f" + i + ".txt"), text);
    }
    assertThat(run("scan", "--format", "jsonl", "--threads", "4", dir.toString())).isZero();
    List<String> paths = out.toString().lines()
        .map(l -> l.substring(9, l.indexOf("\",\"type\""))).toList();
    assertThat(paths).hasSize(30_000);
    List<String> runs = new ArrayList<>();
    for (String p : paths) {
      if (runs.isEmpty() || !runs.get(runs.size() - 1).equals(p)) {
        runs.add(p);
      }
    }
    assertThat(runs).as("one run of lines per file").hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void cachedScoreTextIsTheDoublesOwnText() {
    for (int k = -5; k <= 105; k++) {
      double v = k / 100.0;
      assertThat(ScanCommand.score(v)).isEqualTo(String.valueOf(v));
    }
    for (double v : new double[] {0.955, 1e-9, 0.1 + 0.2, Double.NaN, 12.5}) {
      assertThat(ScanCommand.score(v)).isEqualTo(String.valueOf(v));
    }
  }

  @Test
  void aCharacterSplitByTheReadBlockKeepsOffsetsExact() throws Exception {
    // the last 'é' of the prefix straddles the first 256 KiB block boundary
    String prefix = "a" + "\u00e9".repeat(FileScan.BLOCK / 2);
    Path f = Files.writeString(dir.resolve("u.txt"), prefix + " mail ana@globex.net\n");
    assertThat(run("scan", "--format", "jsonl", f.toString())).isZero();
    int start = prefix.codePointCount(0, prefix.length()) + " mail ".length();
    assertThat(out.toString().trim()).contains("\"start\":" + start + ",\"end\":" + (start + 14));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void theConfigurationsDlpSectionSetsRedactionAndClassification() throws Exception {
    Path cfg = Files.writeString(dir.resolve("rampart.yaml"), """
        dlp:
          redaction:
            actions: {CREDIT_CARD: mask}
          classification:
            - {label: confidential, types: [EMAIL_ADDRESS], min-confidence: medium}
        """);
    Path f = Files.writeString(dir.resolve("a.txt"), "ana@globex.net card 4111 1111 1111 1111");
    CommandLine cl = RampartCommand.newCommandLine(Map.of());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertThat(cl.execute("--config", cfg.toString(), "dlp", "redact", f.toString())).isZero();
    assertThat(out.toString()).isEqualTo("<EMAIL_ADDRESS> card **** **** **** 1111");
    out.getBuffer().setLength(0);
    Path mail = Files.writeString(dir.resolve("m.txt"), "write to ana@globex.net");
    assertThat(cl.execute("--config", cfg.toString(), "dlp", "classify", mail.toString())).isZero();
    assertThat(out.toString()).startsWith("confidential");
  }
}
