package io.rampart.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.dlp.DlpEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Hostile or broken configuration files end as problems or findings, never as exceptions. */
class ScannerFuzzTest {
  static final McpScanner SCANNER = McpScanner.create(DlpEngine.create(), Path.of("/home/u"));
  static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("mcp-fuzz");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    try (var files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(DIR);
  }

  @Property(tries = 150)
  void mutatedConfigsNeverThrow(@ForAll("configs") String text) throws IOException {
    Path f = Files.writeString(DIR.resolve("mcp.json"), text);
    ScanReport r = SCANNER.scan(List.of(f));
    assertThat(r.files().size() + r.problems().size()).isEqualTo(1);
    assertThat(r.findings()).allSatisfy(x -> assertThat(x.line()).isPositive());
  }

  @Provide
  Arbitrary<String> configs() {
    String seed = """
        {"mcpServers": {"a": {"command": "npx", "args": ["-y", "pkg", "/"], "env": {"API_KEY": "abcdef123456"}},
         "b": {"url": "http://example.com/sse", "headers": {"Authorization": "Bearer x"}},
         "c": {"command": "docker", "args": ["run", "-v", "/:/x", "img"]}},
         "servers": {"d": {"type": "stdio", "command": ["x"], "args": "y", "env": [1]}}}
        """;
    Arbitrary<Integer> pos = Arbitraries.integers().between(0, seed.length() - 1);
    Arbitrary<String> piece = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "null", "5", "\"-c\"", "//", "\\u0000", "\u00e9", "");
    return Combinators.combine(pos.list().ofMaxSize(5), piece.list().ofMinSize(1).ofMaxSize(5), Arbitraries.integers().between(0, 1))
        .as((ps, pieces, op) -> {
          StringBuilder sb = new StringBuilder(seed);
          for (int i = 0; i < ps.size(); i++) {
            int p = Math.min(ps.get(i), sb.length() - 1);
            if (op == 0) {
              sb.insert(p, pieces.get(i % pieces.size()));
            } else {
              sb.delete(p, Math.min(sb.length(), p + 1 + i));
            }
          }
          return sb.toString();
        });
  }
}
