package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A detector defined without code: a regular expression and/or a keyword list, an optional
 * checksum, context words that raise confidence. Usually loaded from YAML by {@link
 * CustomDetectors}.
 *
 * @param id detector id, reported in findings
 * @param type finding type this detector reports, e.g. {@code EMPLOYEE_ID}
 * @param regex pattern whose whole match is the value
 * @param keywords literal terms (code names) matched case-insensitively on word boundaries
 * @param validator checksum the value must pass
 * @param context words that corroborate a match within the proximity window
 * @param confidence confidence of a bare match
 * @param contextConfidence confidence when a context word is near
 */
public record CustomDetector(
    String id,
    String type,
    Optional<Pattern> regex,
    List<String> keywords,
    Validator validator,
    List<String> context,
    Confidence confidence,
    Confidence contextConfidence) {
  public CustomDetector {
    requireNonNull(id, "id");
    requireNonNull(type, "type");
    requireNonNull(regex, "regex");
    keywords = List.copyOf(keywords);
    requireNonNull(validator, "validator");
    context = List.copyOf(context);
    requireNonNull(confidence, "confidence");
    requireNonNull(contextConfidence, "contextConfidence");
    if (regex.isEmpty() && keywords.isEmpty()) {
      throw new DlpException("detector " + id + ": no regex or keywords (expected: at least one)");
    }
    if (!type.matches("[A-Z][A-Z0-9_]*")) {
      throw new DlpException("type: " + type + " (expected: UPPER_SNAKE_CASE)");
    }
  }

  /** The keyword list compiled to one case-insensitive alternation. */
  Optional<Pattern> keywordPattern() {
    if (keywords.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder b = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
    for (int i = 0; i < keywords.size(); i++) {
      b.append(i == 0 ? "" : "|").append(Pattern.quote(keywords.get(i)));
    }
    b.append(")(?![\\p{L}\\p{N}])");
    return Optional.of(
        Pattern.compile(b.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
  }
}
