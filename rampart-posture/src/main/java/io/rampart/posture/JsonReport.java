package io.rampart.posture;

import com.fasterxml.jackson.core.JsonGenerator;
import io.rampart.core.event.Severity;
import io.rampart.discovery.Asset;
import io.rampart.discovery.Relationship;
import io.rampart.discovery.ScanError;
import io.rampart.discovery.SourceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * {@code --format json}: {@code {"assets": [...], "findings": [...], ...}}. Streamed with a
 * generator rather than built as a tree: for 10,000 resources the tree cost more time and
 * memory than the assessment itself.
 */
final class JsonReport {
  private JsonReport() {}

  static void write(Assessment a, OutputStream out) {
    try (JsonGenerator g = Reports.JSON.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("assets");
      for (Asset x : a.inventory().assets()) {
        g.writeStartObject();
        g.writeStringField("id", x.id());
        g.writeStringField("kind", x.kind().id());
        g.writeStringField("type", x.type());
        g.writeStringField("name", x.name());
        g.writeStringField("provider", x.provider());
        if (x.location().isPresent()) {
          g.writeStringField("location", x.location().get());
        }
        if (x.owner().isPresent()) {
          g.writeStringField("owner", x.owner().get());
        }
        g.writeObjectField("tags", x.tags());
        g.writeObjectField("properties", x.properties());
        g.writeFieldName("source");
        location(g, x.source());
        g.writeStringField("firstSeen", x.firstSeen().toString());
        g.writeStringField("lastSeen", x.lastSeen().toString());
        g.writeNumberField("score", a.assetScores().getOrDefault(x.id(), 0.0));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("relationships");
      for (Relationship r : a.inventory().relationships()) {
        g.writeStartObject();
        g.writeStringField("from", r.from());
        g.writeStringField("type", r.type().id());
        g.writeStringField("to", r.to());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("findings");
      for (Finding f : a.findings()) {
        g.writeStartObject();
        g.writeStringField("rule", f.rule());
        g.writeStringField("severity", f.severity().id());
        g.writeStringField("asset", f.asset());
        g.writeStringField("title", f.title());
        if (f.location().isPresent()) {
          g.writeFieldName("location");
          location(g, f.location().get());
        }
        g.writeArrayFieldStart("references");
        for (String ref : f.references()) {
          g.writeString(ref);
        }
        g.writeEndArray();
        g.writeNumberField("score", f.score());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("attackPaths");
      for (AttackPath p : a.attackPaths()) {
        g.writeStartObject();
        g.writeStringField("id", p.id());
        g.writeStringField("title", p.title());
        g.writeStringField("severity", p.severity().id());
        g.writeNumberField("score", p.score());
        g.writeObjectField("assets", p.assets());
        g.writeObjectField("findings", p.findings());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("errors");
      for (ScanError e : a.inventory().errors()) {
        g.writeStartObject();
        g.writeStringField("path", e.where().path());
        if (e.where().line() > 0) {
          g.writeNumberField("line", e.where().line());
        }
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("ruleErrors");
      for (RuleError e : a.ruleErrors()) {
        g.writeStartObject();
        g.writeStringField("rule", e.rule());
        g.writeNumberField("assets", e.assets());
        g.writeStringField("message", e.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeObjectFieldStart("summary");
      g.writeNumberField("estateScore", a.estateScore());
      g.writeNumberField("assets", a.inventory().assets().size());
      g.writeNumberField("findings", a.findings().size());
      g.writeNumberField("attackPaths", a.attackPaths().size());
      g.writeObjectFieldStart("bySeverity");
      long[] counts = new long[Severity.values().length];
      a.findings().forEach(f -> counts[f.severity().ordinal()]++);
      for (Severity s : Severity.values()) {
        g.writeNumberField(s.id(), counts[s.ordinal()]);
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void location(JsonGenerator g, SourceRef s) throws IOException {
    g.writeStartObject();
    g.writeStringField("path", s.path());
    if (s.line() > 0) {
      g.writeNumberField("line", s.line());
    }
    g.writeEndObject();
  }
}
