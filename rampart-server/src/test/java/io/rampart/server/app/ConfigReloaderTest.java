package io.rampart.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.config.ConfigLoader;
import io.rampart.core.config.RampartConfig;
import io.rampart.core.event.Event;
import io.rampart.core.event.EventQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the watcher records when a component refuses a change or can apply only part of it. */
class ConfigReloaderTest {
  @TempDir Path dir;

  static List<Event> events(Services s, String type) {
    return s.eventLog().query(EventQuery.builder().type(type).limit(10).build()).events();
  }

  @Test
  void aChangeAComponentRefusesIsRejectedAndTheNextOneStillApplies() throws Exception {
    Path file = dir.resolve("rampart.yaml");
    Files.writeString(file, "events:\n  retention: 90d\n");
    RampartConfig initial = ConfigLoader.load(file, Map.of()).withDataDir(dir);
    List<RampartConfig> applied = new ArrayList<>();
    try (Services services = Services.open(initial, Clock.systemUTC());
        ConfigReloader reloader = ConfigReloader.create(file, Map.of(), services.eventLog(),
            initial, next -> {
              if (next.events().retention().toDays() == 7) {
                throw new IllegalStateException("refused");
              }
              applied.add(next);
              return next.events().retention().toDays() == 30
                  ? List.of("mcp-gateway.port") : List.of();
            })) {
      Files.writeString(file, "events:\n  retention: 7d\n");
      assertThat(reloader.checkNow()).isFalse();
      Event rejected = events(services, "config.rejected").getFirst();
      assertThat(String.valueOf(rejected.attributes().get("first_problem")))
          .isEqualTo(file + ": not applied: IllegalStateException");
      assertThat(events(services, "config.changed")).isEmpty();

      Files.writeString(file, "events:\n  retention: 30d\n");
      assertThat(reloader.checkNow()).isTrue();
      Event changed = events(services, "config.changed").getFirst();
      assertThat(changed.attributes()).containsEntry("restart_required", true)
          .containsEntry("restart_keys", "mcp-gateway.port");
      assertThat(applied).hasSize(1);
    }
  }
}
