package io.rampart.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rampart.core.auth.Role;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code GET /api/events/export}: streaming JSON Lines and an injected exporter. */
class EventExportTest {

  private static void seed(TestApi api) {
    for (int i = 0; i < 5; i++) {
      api.events.append(EventDraft.builder("scan.finding")
          .severity(i % 2 == 0 ? Severity.HIGH : Severity.LOW).principal("p" + i).build());
    }
  }

  @Test
  void streamsJsonLinesWithFilters() {
    try (TestApi api = new TestApi()) {
      seed(api);
      HttpResponse<String> r =
          api.get("/api/events/export?min-severity=high", api.bearer.get(Role.AUDITOR));

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("rampart-events.jsonl");
      assertThat(r.body().lines().toList()).hasSize(3)
          .allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"e").contains("\"high\""));
      assertThat(r.body()).endsWith("\n");
    }
  }

  @Test
  void unsupportedFormatIs400ListingTheSupportedOnes() {
    try (TestApi api = new TestApi()) {
      HttpResponse<String> r = api.get("/api/events/export?format=ocsf", api.admin());

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(TestApi.errorMessage(r)).isEqualTo("format: ocsf (expected: one of jsonl)");
    }
  }

  @Test
  void usesTheInjectedExporter() {
    EventExporter ocsf = new EventExporter() {
      @Override
      public Set<String> formats() {
        return Set.of("jsonl", "ocsf");
      }

      @Override
      public String contentType(String format) {
        return "application/x-ndjson";
      }

      @Override
      public void write(String format, EventLog log, EventQuery query, OutputStream out) {
        log.forEach(query, e -> write(out, format + ":" + e.id() + "\n"));
      }

      private void write(OutputStream out, String text) {
        try {
          out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
    try (TestApi api = new TestApi(b -> b.exporter(ocsf))) {
      seed(api);
      HttpResponse<String> r = api.get("/api/events/export?format=OCSF&principal=p1", api.admin());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("ocsf:e00000002\n");
      assertThat(r.headers().firstValue("Content-Disposition").orElseThrow())
          .contains("rampart-events.ocsf.jsonl");
    }
  }

  @Test
  void exporterFailingBeforeOutputGivesJsonError() {
    EventExporter broken = new EventExporter() {
      @Override
      public Set<String> formats() {
        return Set.of("jsonl");
      }

      @Override
      public String contentType(String format) {
        return "application/x-ndjson";
      }

      @Override
      public void write(String format, EventLog log, EventQuery query, OutputStream out) {
        throw new IllegalStateException("storage: down (expected: a reachable database)");
      }
    };
    try (TestApi api = new TestApi(b -> b.exporter(broken))) {
      HttpResponse<String> r = api.get("/api/events/export", api.admin());

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(TestApi.errorCode(r)).isEqualTo("internal");
      assertThat(r.body()).doesNotContain("storage: down");
    }
  }
}
