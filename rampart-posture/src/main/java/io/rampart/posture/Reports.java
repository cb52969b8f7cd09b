package io.rampart.posture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;

/** Writes an {@link Assessment} in one of the {@link ReportFormat}s. */
public final class Reports {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Reports() {}

  public static void write(ReportFormat format, Assessment a, RuleSet rules, Clock clock,
      PrintStream out) {
    switch (format) {
      case TEXT -> TextReport.write(a, out);
      case JSON -> {
        JsonReport.write(a, out);
        out.println();
      }
      case SARIF -> out.println(json(SarifReport.report(a, rules)));
      case CSV -> CsvReport.write(a, out);
      case HTML -> HtmlReport.write(a, clock, out);
      case CYCLONEDX -> out.println(AiBom.json(a.inventory(), clock));
    }
  }

  static String json(ObjectNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new PostureException("report: cannot serialize (expected: plain values)", e);
    }
  }
}
