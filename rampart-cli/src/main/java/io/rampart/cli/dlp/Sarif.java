package io.rampart.cli.dlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rampart.dlp.StreamFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * SARIF 2.1.0 output: one rule per finding type, one result per finding, no values. The rules
 * come first in the document and list the types found, so results are kept until the end, but
 * as the scan results only (no values: {@link FileScan#scan(io.rampart.dlp.DlpEngine,
 * java.nio.file.Path, boolean)} drops them), written through a streaming generator rather than
 * built as a tree and then a string.
 */
final class Sarif implements ScanCommand.Report {
  private final List<FileScan.Result> results = new ArrayList<>();
  private final Set<String> types = new TreeSet<>();

  @Override
  public void add(FileScan.Result r) {
    if (!r.findings().isEmpty()) {
      results.add(r);
      r.findings().forEach(f -> types.add(f.type()));
    }
  }

  @Override
  public void finish(PrintWriter out) throws IOException {
    JsonGenerator g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .createGenerator(out).useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    g.writeStringField("version", "2.1.0");
    g.writeArrayFieldStart("runs");
    g.writeStartObject();
    g.writeObjectFieldStart("tool");
    g.writeObjectFieldStart("driver");
    g.writeStringField("name", "rampart-dlp");
    g.writeArrayFieldStart("rules");
    for (String t : types) {
      g.writeStartObject();
      g.writeStringField("id", t);
      g.writeObjectFieldStart("shortDescription");
      g.writeStringField("text", "Sensitive data: " + t);
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndObject();
    g.writeArrayFieldStart("results");
    for (int k = 0; k < results.size(); k++) {
      FileScan.Result r = results.get(k);
      results.set(k, null); // written: let it go
      for (StreamFinding f : r.findings()) {
        result(g, r.path().toString(), f);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
    g.close();
    out.println();
  }

  private static void result(JsonGenerator g, String uri, StreamFinding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("ruleId", f.type());
    g.writeStringField("level", switch (f.confidence()) {
      case HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW -> "note";
    });
    g.writeObjectFieldStart("message");
    g.writeStringField("text", f.type() + " (" + f.confidence().id() + ", score " + f.score()
        + ")");
    g.writeEndObject();
    g.writeArrayFieldStart("locations");
    g.writeStartObject();
    g.writeObjectFieldStart("physicalLocation");
    g.writeObjectFieldStart("artifactLocation");
    g.writeStringField("uri", uri);
    g.writeEndObject();
    g.writeObjectFieldStart("region");
    g.writeNumberField("charOffset", f.codePointStart());
    g.writeNumberField("charLength", f.codePointEnd() - f.codePointStart());
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }
}
