package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * {@link ToolPinStore} in the {@code mcp_tool_pins} table (Flyway {@code V3}), on H2 or
 * PostgreSQL. Portable SQL only: first-sight pinning relies on the primary key, so two gateways
 * seeing a tool at once pin it once. Any SQL failure is a {@link McpException}, which the gateway
 * treats as "not approved" (fail closed).
 */
public final class JdbcToolPinStore implements ToolPinStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "server, tool, sha256, digests, pending_sha256, pending_digests";

  private final DataSource db;
  private final Clock clock;

  private JdbcToolPinStore(DataSource db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A store on a migrated database ({@code io.rampart.core.storage.Database#dataSource}). */
  public static JdbcToolPinStore create(DataSource db, Clock clock) {
    return new JdbcToolPinStore(requireNonNull(db, "db"), requireNonNull(clock, "clock"));
  }

  @Override
  public Optional<ToolPin> find(String server, String tool) {
    return row(server, tool).map(Row::pin);
  }

  @Override
  public Optional<ToolPin> pending(String server, String tool) {
    return row(server, tool).flatMap(Row::pending);
  }

  @Override
  public void put(ToolPin pin) {
    requireNonNull(pin, "pin");
    run(c -> {
      int n = update(c, "UPDATE mcp_tool_pins SET sha256 = ?, digests = ?, pinned_at = ?, "
          + "pending_sha256 = NULL, pending_digests = NULL, pending_since = NULL "
          + "WHERE server = ? AND tool = ?", pin.sha256(), digests(pin), now(), pin.server(),
          pin.tool());
      if (n == 0) {
        insert(c, pin);
      }
      return null;
    });
  }

  @Override
  public boolean putIfAbsent(ToolPin pin) {
    requireNonNull(pin, "pin");
    return run(c -> {
      if (exists(c, pin.server(), pin.tool())) {
        return false;
      }
      try {
        insert(c, pin);
        return true;
      } catch (SQLException e) {
        if (exists(c, pin.server(), pin.tool())) {
          return false; // another writer pinned it first
        }
        throw e;
      }
    });
  }

  @Override
  public void markPending(ToolPin observed) {
    requireNonNull(observed, "observed");
    run(c -> update(c, "UPDATE mcp_tool_pins SET pending_sha256 = ?, pending_digests = ?, "
        + "pending_since = ? WHERE server = ? AND tool = ?", observed.sha256(),
        digests(observed), now(), observed.server(), observed.tool()));
  }

  @Override
  public Optional<ToolPin> approve(String server, String tool) {
    return run(c -> {
      Optional<ToolPin> p = read(c, server, tool).flatMap(Row::pending);
      if (p.isPresent()) {
        update(c, "UPDATE mcp_tool_pins SET sha256 = pending_sha256, digests = pending_digests, "
            + "pinned_at = ?, pending_sha256 = NULL, pending_digests = NULL, "
            + "pending_since = NULL WHERE server = ? AND tool = ? AND pending_sha256 = ?", now(),
            server, tool, p.get().sha256());
      }
      return p;
    });
  }

  @Override
  public boolean remove(String server, String tool) {
    return run(c -> update(c, "DELETE FROM mcp_tool_pins WHERE server = ? AND tool = ?",
        requireNonNull(server, "server"), requireNonNull(tool, "tool")) > 0);
  }

  @Override
  public List<ToolPin> list(String server) {
    requireNonNull(server, "server");
    return run(c -> {
      List<ToolPin> out = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM mcp_tool_pins WHERE server = ? ORDER BY tool")) {
        s.setString(1, server);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            out.add(row(r).pin());
          }
        }
      }
      return out;
    });
  }

  private record Row(ToolPin pin, Optional<ToolPin> pending) {}

  private Optional<Row> row(String server, String tool) {
    requireNonNull(server, "server");
    requireNonNull(tool, "tool");
    return run(c -> read(c, server, tool));
  }

  private static Optional<Row> read(Connection c, String server, String tool) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM mcp_tool_pins WHERE server = ? AND tool = ?")) {
      s.setString(1, server);
      s.setString(2, tool);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(row(r)) : Optional.empty();
      }
    }
  }

  private static Row row(ResultSet r) throws SQLException {
    String server = r.getString(1);
    String tool = r.getString(2);
    ToolPin pin = new ToolPin(server, tool, r.getString(3), parse(r.getString(4)));
    String pendingSha = r.getString(5);
    Optional<ToolPin> pending = pendingSha == null ? Optional.empty()
        : Optional.of(new ToolPin(server, tool, pendingSha, parse(r.getString(6))));
    return new Row(pin, pending);
  }

  private static boolean exists(Connection c, String server, String tool) throws SQLException {
    return read(c, server, tool).isPresent();
  }

  private void insert(Connection c, ToolPin pin) throws SQLException {
    update(c, "INSERT INTO mcp_tool_pins (server, tool, sha256, digests, pinned_at) "
        + "VALUES (?, ?, ?, ?, ?)", pin.server(), pin.tool(), pin.sha256(), digests(pin), now());
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      return s.executeUpdate();
    }
  }

  private Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  private static String digests(ToolPin pin) {
    try {
      return JSON.writeValueAsString(new TreeMap<>(pin.fieldDigests()));
    } catch (JsonProcessingException e) {
      throw new McpException("digests: not serializable (expected: a map of strings)", e);
    }
  }

  private static Map<String, String> parse(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new McpException("mcp_tool_pins.digests: unreadable (expected: a JSON object)", e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  private <T> T run(Work<T> work) {
    try (Connection c = db.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new McpException("mcp_tool_pins: " + e.getSQLState() + " (expected: a reachable, "
          + "migrated database)", e);
    }
  }
}
