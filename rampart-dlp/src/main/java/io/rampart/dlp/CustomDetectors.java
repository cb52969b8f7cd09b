package io.rampart.dlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Loads custom detectors from YAML. Any mistake fails the whole load with the file and line:
 *
 * <pre>
 * detectors:
 *   - id: employee-id
 *     type: EMPLOYEE_ID
 *     regex: 'EMP-[0-9]{6}'
 *     validator: luhn            # none|luhn|mod97|verhoeff|cpf
 *     context: [employee, staff]
 *     confidence: low            # of a bare match
 *     context-confidence: high   # with a context word nearby
 *   - id: code-names
 *     type: PROJECT_CODE_NAME
 *     keywords: [Nightingale, Blue Heron]
 *     confidence: medium
 * </pre>
 */
public final class CustomDetectors {
  private static final YAMLFactory YAML = new YAMLFactory();

  private CustomDetectors() {}

  public static List<CustomDetector> load(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(r, file.toString());
    } catch (IOException e) {
      throw new DlpException(file + ": cannot read (expected: a readable YAML file)", e);
    }
  }

  public static List<CustomDetector> parse(String yaml, String source) {
    try {
      return parse(new StringReader(yaml), source);
    } catch (IOException e) {
      throw new DlpException(source + ": " + e.getMessage() + " (expected: valid YAML)", e);
    }
  }

  private static List<CustomDetector> parse(Reader r, String source) throws IOException {
    List<CustomDetector> out = new ArrayList<>();
    try (JsonParser p = YAML.createParser(r)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, source, "a mapping with 'detectors'");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = line(p);
        if (!key.equals("detectors")) {
          throw new DlpException(source + ":" + line + ": key: " + key + " (expected: detectors)");
        }
        expect(p, p.nextToken(), JsonToken.START_ARRAY, source, "a list of detectors");
        while (p.nextToken() == JsonToken.START_OBJECT) {
          out.add(detector(p, source));
        }
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new DlpException(source + ":" + line + ": " + e.getOriginalMessage()
          + " (expected: valid YAML)", e);
    }
    return out;
  }

  private static int line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static void expect(JsonParser p, JsonToken got, JsonToken want, String source,
      String what) {
    if (got != want) {
      throw new DlpException(source + ":" + line(p) + ": " + got + " (expected: " + what + ")");
    }
  }

  private static CustomDetector detector(JsonParser p, String source) throws IOException {
    int start = line(p);
    String id = null;
    String type = null;
    Optional<Pattern> regex = Optional.empty();
    List<String> keywords = List.of();
    Validator validator = Validator.NONE;
    List<String> context = List.of();
    Confidence confidence = Confidence.MEDIUM;
    Confidence contextConfidence = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int line = line(p);
      JsonToken t = p.nextToken();
      String at = source + ":" + line + ": ";
      try {
        switch (key) {
          case "id" -> id = scalar(p, t, at, key);
          case "type" -> type = scalar(p, t, at, key);
          case "regex" -> regex = Optional.of(compile(scalar(p, t, at, key), at));
          case "keywords" -> keywords = list(p, t, at, key);
          case "validator" -> validator = Validator.parse(scalar(p, t, at, key));
          case "context" -> context = list(p, t, at, key);
          case "confidence" -> confidence = Confidence.parse(scalar(p, t, at, key));
          case "context-confidence" -> contextConfidence = Confidence.parse(scalar(p, t, at, key));
          default -> throw new DlpException("key: " + key + " (expected: id|type|regex|keywords|"
              + "validator|context|confidence|context-confidence)");
        }
      } catch (DlpException e) {
        if (e.getMessage().startsWith(source + ":")) {
          throw e;
        }
        throw new DlpException(at + e.getMessage(), e);
      }
    }
    String at = source + ":" + start + ": ";
    if (id == null || type == null) {
      throw new DlpException(at + "detector: missing " + (id == null ? "id" : "type")
          + " (expected: id and type)");
    }
    if (contextConfidence == null) {
      contextConfidence = confidence == Confidence.LOW ? Confidence.MEDIUM : Confidence.HIGH;
    }
    try {
      return new CustomDetector(id, type, regex, keywords, validator, context, confidence,
          contextConfidence);
    } catch (DlpException e) {
      throw new DlpException(at + e.getMessage(), e);
    }
  }

  private static Pattern compile(String regex, String at) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new DlpException(at + "regex: " + e.getDescription() + " at index " + e.getIndex()
          + " (expected: a java.util.regex pattern)");
    }
  }

  private static String scalar(JsonParser p, JsonToken t, String at, String key)
      throws IOException {
    if (!t.isScalarValue() || p.getText().isBlank()) {
      throw new DlpException(at + key + ": " + t + " (expected: a non-empty value)");
    }
    return p.getText();
  }

  private static List<String> list(JsonParser p, JsonToken t, String at, String key)
      throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw new DlpException(at + key + ": " + t + " (expected: a list)");
    }
    List<String> out = new ArrayList<>();
    for (JsonToken x = p.nextToken(); x != JsonToken.END_ARRAY; x = p.nextToken()) {
      out.add(scalar(p, x, at, key));
    }
    return out;
  }
}
