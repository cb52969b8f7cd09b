package io.rampart.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever a file holds, a scan ends with assets or per-file errors, never an exception. */
class ReaderFuzzTest {
  @Property(tries = 60)
  void anyContentInAnyKnownFileTypeIsReadOrReported(@ForAll("names") String name,
      @ForAll("contents") String content) throws IOException {
    Path dir = Files.createTempDirectory("fuzz");
    try {
      TestFiles.write(dir, name, content);
      Inventory inv = TestFiles.scan(dir);
      assertThat(inv.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.of("main.tf", "plan.json", "arg.json", "deploy.yaml", "app.py",
        "package.json", "requirements.txt", ".mcp.json", "go.mod", "pom.xml");
  }

  @Provide
  Arbitrary<String> contents() {
    Arbitrary<String> noise = Arbitraries.strings()
        .withChars("{}[]()\"':=,.-#\n $%<>resourcedatakind/apiVersion01")
        .ofMaxLength(120);
    Arbitrary<String> shaped = Arbitraries.of(
        "{\"data\": [{\"id\": \"/subscriptions/x\", \"type\": 1}]}",
        "{\"$schema\": \"x\", \"resources\": [{\"type\": \"[concat(\", \"name\": 5}]}",
        "{\"format_version\": \"1\", \"planned_values\": {\"root_module\": []}}",
        "apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec: {selector: 3}\n",
        "apiVersion: v1\nkind: List\nitems: [1, [2]]\n",
        "resource \"azurerm_cognitive_account\" \"a\" { count = \"x\" * 2 }\n",
        "module \"m\" { source = \"./m\" }\n",
        "{\"mcpServers\": {\"a\": 1, \"b\": {\"env\": [1]}}}");
    return Arbitraries.oneOf(noise, shaped,
        Arbitraries.strings().ofMaxLength(60).map(s -> "{\"data\": [" + s));
  }
}
