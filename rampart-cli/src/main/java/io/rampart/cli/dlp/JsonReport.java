package io.rampart.cli.dlp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.rampart.dlp.StreamFinding;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format json}: {@code {"findings": [...], "notes": [...]}}, pretty-printed. Findings are
 * written through a streaming generator as each file comes in (jackson-core only: no tree, no
 * whole report in memory, no databind start-up); the notes, one per skipped file, are kept for
 * the end.
 */
final class JsonReport implements ScanCommand.Report {
  private final JsonGenerator g;
  private final boolean showValues;
  private final List<String[]> notes = new ArrayList<>();

  JsonReport(PrintWriter out, boolean showValues) throws IOException {
    this.g = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .createGenerator(out).useDefaultPrettyPrinter();
    this.showValues = showValues;
    g.writeStartObject();
    g.writeArrayFieldStart("findings");
  }

  @Override
  public void add(FileScan.Result r) throws IOException {
    String path = r.path().toString();
    for (StreamFinding f : r.findings()) {
      g.writeStartObject();
      g.writeStringField("path", path);
      g.writeStringField("type", f.type());
      g.writeNumberField("start", f.codePointStart());
      g.writeNumberField("end", f.codePointEnd());
      g.writeStringField("confidence", f.confidence().id());
      g.writeNumberField("score", f.score());
      if (showValues) {
        g.writeStringField("value", f.value());
      }
      g.writeEndObject();
    }
    r.note().ifPresent(n -> notes.add(new String[] {path, n}));
  }

  @Override
  public void finish(PrintWriter out) throws IOException {
    g.writeEndArray();
    g.writeArrayFieldStart("notes");
    for (String[] n : notes) {
      g.writeStartObject();
      g.writeStringField("path", n[0]);
      g.writeStringField("note", n[1]);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    g.close();
    out.println();
  }
}
