package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAndEventsCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  private Cli.Result run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = dataDir.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return Cli.run(all);
  }

  @Test
  void tokenLifecycleIsRecordedInTheEventLog() throws Exception {
    Cli.Result created = run("token", "create", "--name", "ci-bot", "--role", "auditor", "--ttl", "30d");
    assertThat(created.exitCode()).isZero();
    String bearer = created.out().strip();
    assertThat(bearer).startsWith("rpt_");

    Cli.Result list = run("token", "list");
    assertThat(list.out()).contains("ci-bot").contains("auditor").contains("active").doesNotContain(bearer);
    String id = list.out().lines().filter(l -> l.contains("ci-bot")).findFirst().orElseThrow().split("\\s+")[0];

    assertThat(run("token", "revoke", id).exitCode()).isZero();
    assertThat(run("token", "list").out()).contains("revoked");
    assertThat(run("token", "revoke", "no-such-id").exitCode()).isEqualTo(1);

    Cli.Result events = run("events", "list", "--format", "jsonl");
    assertThat(events.exitCode()).isZero();
    var types = events.out().lines().map(l -> read(l).path("type").asText()).toList();
    assertThat(types).containsExactly("token.revoked", "token.created");
    assertThat(events.out()).doesNotContain(bearer);
  }

  @Test
  void exportsOcsfToAFile() throws Exception {
    run("token", "create", "--name", "a", "--role", "viewer");
    Path out = dataDir.resolve("events.ocsf.jsonl");
    Cli.Result r = run("events", "export", "--format", "ocsf", "--out", out.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).contains("Exported 1 events");
    JsonNode e = read(Files.readAllLines(out).getFirst());
    assertThat(e.path("class_uid").asInt()).isPositive();
    assertThat(e.path("metadata").path("product").path("name").asText()).isEqualTo("Rampart");
  }

  @Test
  void filtersNarrowTheList() {
    run("token", "create", "--name", "a", "--role", "viewer");
    assertThat(run("events", "list", "--type", "gateway.request").out()).doesNotContain("token.created");
    assertThat(run("events", "list", "--since", "1h").out()).contains("token.created");
    assertThat(run("events", "list", "--min-severity", "high").out()).doesNotContain("token.created");
  }

  @Test
  void badOptionsAreUsageErrors() {
    assertThat(run("token", "create", "--name", "x", "--role", "root").exitCode()).isEqualTo(2);
    assertThat(run("token", "create", "--name", "x", "--role", "admin", "--ttl", "soon").exitCode()).isEqualTo(2);
    Cli.Result since = run("events", "list", "--since", "yesterday");
    assertThat(since.exitCode()).isEqualTo(2);
    assertThat(since.err()).contains("since: yesterday");
    assertThat(run("events", "export", "--format", "xml").exitCode()).isEqualTo(2);
  }

  @Test
  void unopenableDatabaseIsAClearError() throws Exception {
    Path file = dataDir.resolve("not-a-dir");
    Files.writeString(file, "x");
    Cli.Result r = Cli.run("--data-dir", file.toString(), "token", "list");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("rampart: ").contains("not-a-dir");
  }

  private static JsonNode read(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
