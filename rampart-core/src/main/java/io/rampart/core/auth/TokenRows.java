package io.rampart.core.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** JDBC plumbing for the api_tokens table. */
final class TokenRows {
  private static final String COLUMNS =
      "id, name, role, kind, secret_hash, created_at, expires_at, revoked_at";

  /** A stored token with its kind and secret hash (hex), which {@link ApiToken} leaves out. */
  record Row(ApiToken token, String kind, String hash) {}

  /** SQL NULL of a type: drivers (PostgreSQL) want the column type even for NULL. */
  private record Null(int sqlType) {}

  private TokenRows() {}

  static Object timestamp(@Nullable Instant instant) {
    return instant == null
        ? new Null(Types.TIMESTAMP_WITH_TIMEZONE)
        : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Object text(@Nullable String value) {
    return value == null ? new Null(Types.VARCHAR) : value;
  }

  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  /** Rows matching {@code where} (which may end in ORDER BY). */
  static List<Row> select(Connection c, String where, Object... params) throws SQLException {
    try (PreparedStatement statement =
        c.prepareStatement("SELECT " + COLUMNS + " FROM api_tokens WHERE " + where)) {
      bind(statement, params);
      List<Row> out = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          ApiToken token =
              new ApiToken(
                  rows.getString(1),
                  rows.getString(2),
                  Role.parse(rows.getString(3)),
                  rows.getObject(6, OffsetDateTime.class).toInstant(),
                  instant(rows.getObject(7, OffsetDateTime.class)),
                  instant(rows.getObject(8, OffsetDateTime.class)));
          out.add(new Row(token, rows.getString(4), rows.getString(5)));
        }
      }
      return out;
    }
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      if (params[i] instanceof Null n) {
        statement.setNull(i + 1, n.sqlType());
      } else {
        statement.setObject(i + 1, params[i]);
      }
    }
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
