package io.rampart.server.app;

import io.rampart.core.event.Event;
import io.rampart.core.event.EventDraft;
import io.rampart.core.event.EventLog;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Records a {@code config.changed} event when the effective configuration differs from the one
 * the last such event saw, so every change of policy leaves an audit trail. Only a digest of
 * the redacted configuration goes into the event.
 */
final class ConfigChanges {
  static final String TYPE = "config.changed";

  private ConfigChanges() {}

  /** Appends a {@code config.changed} event if needed; returns whether it did. */
  static boolean record(EventLog log, String redactedConfig) {
    return record(log, redactedConfig, "", java.util.List.of());
  }

  /**
   * As {@link #record(EventLog, String)}, naming the file the change came from and the keys
   * whose change only takes effect after a restart ({@code storage}, {@code mcp-gateway.port},
   * ...): {@code restart_required} says whether there are any, {@code restart_keys} lists them.
   */
  static boolean record(EventLog log, String redactedConfig, String source,
      java.util.List<String> restartKeys) {
    String digest = sha256(redactedConfig);
    Optional<String> previous =
        log.query(EventQuery.builder().type(TYPE).limit(1).build()).events().stream()
            .findFirst()
            .map(Event::attributes)
            .map(a -> String.valueOf(a.getOrDefault("sha256", "")));
    if (previous.isPresent() && previous.get().equals(digest)) {
      return false;
    }
    log.append(
        EventDraft.builder(TYPE)
            .severity(previous.isPresent() ? Severity.LOW : Severity.INFO)
            .principal("rampart")
            .attribute("sha256", digest)
            .attribute("previous_sha256", previous.orElse(""))
            .attribute("reason", previous.isPresent() ? "configuration changed" : "first start")
            .attribute("source", source)
            .attribute("restart_required", !restartKeys.isEmpty())
            .attribute("restart_keys", String.join(",", restartKeys))
            .build());
    return true;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }
}
