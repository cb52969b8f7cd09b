package io.rampart.core.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rampart.core.event.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Row mapping, parameter binding and JSON columns shared by the inventory store. */
final class InventorySql {
  static final ObjectMapper JSON = new ObjectMapper();
  // digests must not depend on map insertion order
  private static final ObjectMapper SORTED =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  static final String ASSET_COLUMNS = "id, kind, type, name, provider, location, tags, source,"
      + " properties, first_seen, last_seen, missing_since";
  static final String FINDING_COLUMNS = "assessment_id, fingerprint, status, rule_id, severity,"
      + " asset_id, title, path, line, refs, score";
  static final String RUN_COLUMNS = "id, scope, status, started_at, finished_at, sources,"
      + " source_kind, asset_count, finding_count, new_count, resolved_count, attack_path_count,"
      + " error_count, estate_score, message";

  private InventorySql() {}

  interface Rows<T> {
    T map(ResultSet rows) throws SQLException;
  }

  static <T> List<T> select(Connection c, String sql, Rows<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      try (ResultSet rows = s.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rows.next()) {
          out.add(mapper.map(rows));
        }
        return out;
      }
    }
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, params);
      return s.executeUpdate();
    }
  }

  static void bind(PreparedStatement s, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      switch (p) {
        case null -> s.setNull(i + 1, Types.VARCHAR);
        case Instant t -> s.setObject(i + 1, timestamp(t));
        case NullTime _ -> s.setNull(i + 1, Types.TIMESTAMP_WITH_TIMEZONE);
        default -> s.setObject(i + 1, p);
      }
    }
  }

  /** A typed SQL NULL for timestamp columns (PostgreSQL wants the type). */
  enum NullTime { INSTANCE }

  static Object time(Optional<Instant> t) {
    return t.isPresent() ? t.get() : NullTime.INSTANCE;
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
    OffsetDateTime t = rows.getObject(column, OffsetDateTime.class);
    return Optional.ofNullable(t).map(OffsetDateTime::toInstant);
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("properties: not JSON-compatible (expected: strings,"
          + " numbers, booleans, lists and maps)", e);
    }
  }

  static Map<String, Object> readMap(String text) {
    try {
      return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON object unreadable", e);
    }
  }

  static List<String> readList(String text) {
    try {
      return JSON.readValue(text, new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON array unreadable", e);
    }
  }

  static AssetRecord asset(ResultSet r) throws SQLException {
    Map<String, Object> tags = readMap(r.getString(7));
    Map<String, String> stringTags = new TreeMap<>();
    tags.forEach((k, v) -> stringTags.put(k, String.valueOf(v)));
    return new AssetRecord(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
        r.getString(5), Optional.ofNullable(r.getString(6)), stringTags,
        readMap(r.getString(9)), r.getString(8), instant(r, 10).orElseThrow(),
        instant(r, 11).orElseThrow(), instant(r, 12));
  }

  static StoredFinding finding(ResultSet r) throws SQLException {
    FindingRecord f = new FindingRecord(r.getString(4), Severity.values()[r.getInt(5)],
        r.getString(6), r.getString(7), Optional.ofNullable(r.getString(8)), r.getInt(9),
        readList(r.getString(10)), r.getDouble(11));
    return new StoredFinding(r.getString(1), r.getString(2),
        FindingStatus.parse(r.getString(3)), f);
  }

  static AssessmentRun run(ResultSet r) throws SQLException {
    return new AssessmentRun(r.getString(1), r.getString(2),
        AssessmentStatus.parse(r.getString(3)), instant(r, 4).orElseThrow(), instant(r, 5),
        readList(r.getString(6)), Optional.ofNullable(r.getString(7)),
        new AssessmentRun.Counts(r.getInt(8), r.getInt(9), r.getInt(10), r.getInt(11),
            r.getInt(12), r.getInt(13), r.getInt(14)),
        Optional.ofNullable(r.getString(15)));
  }

  /** SHA-256 over what describes an asset (not where it was read or when). */
  static String digest(AssetRecord a) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("kind", a.kind());
    described.put("type", a.type());
    described.put("name", a.name());
    described.put("provider", a.provider());
    described.put("location", a.location().orElse(""));
    described.put("tags", a.tags());
    described.put("properties", a.properties());
    try {
      byte[] text = SORTED.writeValueAsBytes(described);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("properties: not JSON-compatible (expected: strings,"
          + " numbers, booleans, lists and maps)", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JDK", e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static @Nullable String orNull(Optional<String> value) {
    return value.orElse(null);
  }
}
