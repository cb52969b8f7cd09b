package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import io.rampart.core.event.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One posture finding as stored: a rule failing on an asset.
 *
 * @param path file of the asset, where the source has one
 * @param line 1-based line, 0 when unknown
 * @param references risk catalog IDs
 * @param score risk score 0..10
 */
public record FindingRecord(String rule, Severity severity, String asset, String title,
    Optional<String> path, int line, List<String> references, double score) {
  public FindingRecord {
    requireNonNull(rule, "rule");
    requireNonNull(severity, "severity");
    requireNonNull(asset, "asset");
    requireNonNull(title, "title");
    requireNonNull(path, "path");
    if (line < 0) {
      throw new IllegalArgumentException("line: " + line + " (expected: >= 0)");
    }
    references = List.copyOf(references);
  }

  /**
   * Identifies "the same finding" across runs: rule and asset only, so that a finding whose
   * file moved a few lines is not reported as resolved and new again.
   */
  public String fingerprint() {
    return fingerprint(rule, asset);
  }

  static String fingerprint(String rule, String asset) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(rule.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(asset.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
