package io.rampart.guard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * One line of a guard JSON Lines file: {@code {"id": ..., "text": ..., "label": 0|1, "source":
 * ...}}; fields other than {@code text} are optional and unknown fields are ignored.
 */
public record Sample(String id, String text, OptionalInt label, String source) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Sample {
    requireNonNull(id, "id");
    requireNonNull(text, "text");
    requireNonNull(label, "label");
    requireNonNull(source, "source");
  }

  /**
   * Reads a JSON Lines file; blank lines are skipped, invalid UTF-8 is replaced.
   *
   * @throws GuardException naming the file and line of the first bad record
   */
  public static List<Sample> readJsonl(Path file) {
    requireNonNull(file, "file");
    List<Sample> out = new ArrayList<>();
    var decoder =
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try (BufferedReader r =
        new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (!line.isBlank()) {
          out.add(parse(line, file + ":" + n, n));
        }
      }
    } catch (IOException e) {
      throw new GuardException("file: " + file + " unreadable (expected: a JSON Lines file)", e);
    }
    return out;
  }

  static Sample parse(String line, String where, int lineNo) {
    JsonNode n;
    try {
      n = JSON.readTree(line);
    } catch (IOException e) {
      throw new GuardException(where + ": invalid JSON (expected: one JSON object per line)", e);
    }
    JsonNode text = n.path("text");
    if (!text.isTextual()) {
      throw new GuardException(where + ": text " + text + " (expected: a string)");
    }
    OptionalInt label = OptionalInt.empty();
    if (n.has("label")) {
      int l = n.get("label").asInt(-1);
      if (l != 0 && l != 1) {
        throw new GuardException(where + ": label " + n.get("label") + " (expected: 0 or 1)");
      }
      label = OptionalInt.of(l);
    }
    String id = n.has("id") ? n.get("id").asText() : String.valueOf(lineNo);
    return new Sample(id, text.asText(), label, n.path("source").asText(""));
  }
}
