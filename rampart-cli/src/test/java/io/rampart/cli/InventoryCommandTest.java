package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rampart inventory assess|list|show|export} against the data directory. */
class InventoryCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ID = "/subscriptions/1/resourcegroups/ai/providers/"
      + "microsoft.cognitiveservices/accounts/";

  @TempDir Path dataDir;
  @TempDir Path work;

  private Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  private Path estate(String... names) throws Exception {
    StringBuilder data = new StringBuilder();
    for (String n : names) {
      data.append(data.isEmpty() ? "" : ",").append("""
          {"id": "/subscriptions/1/resourceGroups/ai/providers/Microsoft.CognitiveServices/accounts/%s",
           "name": "%s", "type": "microsoft.cognitiveservices/accounts", "kind": "OpenAI",
           "location": "westeurope", "tags": {"owner": "ml-team"},
           "properties": {"disableLocalAuth": false}}""".formatted(n, n));
    }
    Path file = work.resolve("rg.json");
    Files.writeString(file, "{\"data\": [" + data + "]}");
    return file;
  }

  @Test
  void assessStoresRunsThatListShowAndExportRead() throws Exception {
    Cli.Result first = run("inventory", "assess", "--scope", "azure", estate("a", "b").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("2 assets (2 new, 0 missing)");
    Cli.Result second = run("inventory", "assess", "--scope", "azure", estate("a").toString());
    assertThat(second.out()).contains("1 assets (0 new, 1 missing)").contains("0 new, ");

    Cli.Result list = run("inventory", "list");
    assertThat(list.out()).contains(ID + "a").doesNotContain(ID + "b");
    assertThat(run("inventory", "list", "--include-missing").out()).contains(ID + "b")
        .contains("missing");
    JsonNode listed = JSON.readTree(run("inventory", "list", "--format", "json",
        "--kind", "ai_account").out());
    assertThat(listed.get("assets")).hasSize(1);
    assertThat(listed.get("assets").get(0).get("owner").asText()).isEqualTo("ml-team");

    JsonNode shown = JSON.readTree(run("inventory", "show", ID + "a").out());
    assertThat(shown.get("properties").get("localAuthEnabled").asBoolean()).isTrue();
    assertThat(shown.get("findings").findValuesAsText("rule"))
        .contains("azure.ai.local-auth-enabled");
    assertThat(run("inventory", "show", "nope").exitCode()).isEqualTo(1);

    Path bom = work.resolve("bom.json");
    Cli.Result export = run("inventory", "export", "--out", bom.toString());
    assertThat(export.err()).contains("Exported 1 assets");
    JsonNode doc = JSON.readTree(Files.readString(bom));
    assertThat(doc.get("bomFormat").asText()).isEqualTo("CycloneDX");
    assertThat(doc.get("specVersion").asText()).isEqualTo("1.6");
    assertThat(doc.get("components").get(0).get("bom-ref").asText()).isEqualTo(ID + "a");

    JsonNode events = JSON.readTree("[" + String.join(",", run("events", "list", "--format",
        "jsonl", "--type", "inventory.changed").out().lines().toList()) + "]");
    assertThat(events).hasSize(2);
  }

  @Test
  void badInputIsAUsageError() {
    Cli.Result missing = run("inventory", "assess", work.resolve("absent").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("expected: at least one existing file or directory");
    assertThat(run("inventory", "list", "--format", "xml").exitCode()).isEqualTo(2);
  }
}
