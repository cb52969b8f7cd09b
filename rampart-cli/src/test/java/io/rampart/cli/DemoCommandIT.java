package io.rampart.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandIT {
  @TempDir Path dataDir;

  @Test
  void demoStartsWalksThroughAndExits() {
    Cli.Result r = Cli.run("--data-dir", dataDir.toString(), "demo", "--port", "0", "--gateway-port", "0", "--no-wait");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Rampart demo is up")
        .containsPattern("API: +http://127\\.0\\.0\\.1:\\d+")
        .containsPattern("Admin token: +rpt_")
        .contains("-> 401")
        .contains("LLM01")
        .contains("config.changed")
        .contains("system.started")
        .containsPattern("Gateway: +http://127\\.0\\.0\\.1:\\d+")
        .contains("Draft a reply to <EMAIL_ADDRESS> about card <CREDIT_CARD>")
        .contains("The deploy token is <GITHUB_TOKEN>")
        .contains("< 403 sensitive_data")
        .contains("< 403 prompt_injection")
        .contains("< 401 invalid_api_key")
        .contains("4 gateway.request events")
        .contains("Posture of a sample estate")
        .containsPattern("\\d+ AI assets, \\d+ findings");
  }

  @Test
  void demoUsesTheAdminTokenFromTheEnvironment() {
    String token = "demo-fixed-admin-token-0123456789";
    Cli.Result r = Cli.run(Map.of("RAMPART_ADMIN_TOKEN", token),
        "--data-dir", dataDir.toString(), "demo", "--port", "0", "--gateway-port", "0", "--no-wait");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Admin token:  " + token).contains("LLM01");
  }

  @Test
  void secondRunOnTheSameDataKeepsEarlierEvents() {
    assertThat(Cli.run("--data-dir", dataDir.toString(), "demo", "--port", "0", "--gateway-port", "0", "--no-wait").exitCode()).isZero();
    Cli.Result again = Cli.run("--data-dir", dataDir.toString(), "demo", "--port", "0", "--gateway-port", "0", "--no-wait");
    assertThat(again.exitCode()).isZero();
    Cli.Result events = Cli.run("--data-dir", dataDir.toString(), "events", "list", "--type", "system.started");
    assertThat(events.out().lines().filter(l -> l.contains("system.started")).count()).isEqualTo(2);
  }
}
