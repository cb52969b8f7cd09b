package io.rampart.core.auth;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import io.rampart.core.storage.Database;
import io.rampart.core.storage.StorageException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ApiTokenStore} on a {@link Database}. Issued tokens read {@code rpt_<id>_<secret>}
 * and are found by id; imported (caller-chosen) tokens are found by a prefix of their hash.
 * Only SHA-256 hashes are stored (see {@link TokenFormat} for why that suffices) and compared
 * in constant time. Verification returns empty for anything malformed, unknown, revoked or
 * expired; it throws only when the database itself fails.
 */
public final class JdbcApiTokenStore implements ApiTokenStore {
  static final int MIN_IMPORTED = 16;
  private static final int MAX_NAME = 200;
  private static final String ISSUED = "issued";
  private static final String IMPORTED = "imported";

  private final DataSource dataSource;
  private final Clock clock;
  private final RandomGenerator random;

  private JdbcApiTokenStore(DataSource dataSource, Clock clock, RandomGenerator random) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.random = random;
  }

  /**
   * A token store on {@code db}. {@code random} makes ids and secrets: pass a {@link
   * java.security.SecureRandom} outside tests.
   */
  public static JdbcApiTokenStore create(Database db, Clock clock, RandomGenerator random) {
    requireNonNull(db, "db");
    requireNonNull(clock, "clock");
    requireNonNull(random, "random");
    return new JdbcApiTokenStore(db.dataSource(), clock, random);
  }

  @Override
  public IssuedToken create(String name, Role role) {
    return issue(name, role, null);
  }

  @Override
  public IssuedToken create(String name, Role role, Duration ttl) {
    requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl: " + ttl + " (expected: > 0)");
    }
    return issue(name, role, ttl);
  }

  private IssuedToken issue(String name, Role role, @Nullable Duration ttl) {
    checkName(name);
    requireNonNull(role, "role");
    Instant now = now();
    String id = TokenFormat.newId(random);
    String secret = TokenFormat.newSecret(random);
    ApiToken token = new ApiToken(id, name, role, now, ttl == null ? null : now.plus(ttl), null);
    String hash = TokenFormat.hex(TokenFormat.sha256(secret));
    run("create", c -> insert(c, token, ISSUED, hash, null));
    return new IssuedToken(token, Secret.of(TokenFormat.bearer(id, secret)));
  }

  @Override
  public ApiToken importToken(String name, Role role, String bearer) {
    checkName(name);
    requireNonNull(role, "role");
    requireNonNull(bearer, "bearer");
    if (bearer.length() < MIN_IMPORTED || bearer.length() > TokenFormat.MAX_BEARER) {
      // The value itself never appears in a message, only its length.
      throw new IllegalArgumentException(
          "bearer: <" + bearer.length() + " characters> (expected: " + MIN_IMPORTED + ".."
              + TokenFormat.MAX_BEARER + " characters)");
    }
    byte[] hash = TokenFormat.sha256(bearer);
    String hex = TokenFormat.hex(hash);
    Instant now = now();
    return run("import", c -> {
      List<TokenRows.Row> earlier =
          TokenRows.select(c, "name = ? AND kind = ? AND revoked_at IS NULL", name, IMPORTED);
      for (TokenRows.Row row : earlier) {
        if (row.token().role() == role && row.token().activeAt(now)
            && TokenFormat.matches(hash, row.hash())) {
          return row.token(); // imported on an earlier start: keep it, and its id
        }
      }
      TokenRows.update(c, "UPDATE api_tokens SET revoked_at = ? WHERE name = ? AND kind = ?"
          + " AND revoked_at IS NULL", TokenRows.timestamp(now), name, IMPORTED);
      ApiToken token = new ApiToken(TokenFormat.newId(random), name, role, now, null, null);
      insert(c, token, IMPORTED, hex, hex.substring(0, 16));
      return token;
    });
  }

  @Override
  public Optional<ApiToken> verify(String bearer) {
    requireNonNull(bearer, "bearer");
    if (bearer.length() < MIN_IMPORTED || bearer.length() > TokenFormat.MAX_BEARER) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return run("verify", c -> {
      Optional<TokenFormat.Parsed> parsed = TokenFormat.parse(bearer);
      if (parsed.isPresent()) {
        byte[] hash = TokenFormat.sha256(parsed.get().secret());
        Optional<ApiToken> found = match(c, "id = ? AND kind = ?", hash, now,
            parsed.get().id(), ISSUED);
        if (found.isPresent()) {
          return found;
        }
      }
      // Not an issued token (or an imported value that happens to look like one).
      byte[] hash = TokenFormat.sha256(bearer);
      return match(c, "lookup_key = ? AND kind = ?", hash, now,
          TokenFormat.hex(hash).substring(0, 16), IMPORTED);
    });
  }

  private static Optional<ApiToken> match(Connection c, String where, byte[] hash, Instant now,
      Object... params) throws SQLException {
    for (TokenRows.Row row : TokenRows.select(c, where, params)) {
      if (TokenFormat.matches(hash, row.hash()) && row.token().activeAt(now)) {
        return Optional.of(row.token());
      }
    }
    return Optional.empty();
  }

  @Override
  public List<ApiToken> list() {
    return run("list", c -> tokens(TokenRows.select(c, "1 = 1 ORDER BY created_at DESC, id DESC")));
  }

  @Override
  public Optional<ApiToken> find(String id) {
    requireNonNull(id, "id");
    if (!TokenFormat.looksLikeId(id)) {
      return Optional.empty();
    }
    return run("find", c -> tokens(TokenRows.select(c, "id = ?", id)).stream().findFirst());
  }

  @Override
  public boolean revoke(String id) {
    requireNonNull(id, "id");
    if (!TokenFormat.looksLikeId(id)) {
      return false;
    }
    Object now = TokenRows.timestamp(now());
    return run("revoke", c -> {
      int changed = TokenRows.update(
          c, "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", now, id);
      // Already revoked still counts as revoked: the operation is idempotent.
      return changed > 0 || !TokenRows.select(c, "id = ?", id).isEmpty();
    });
  }

  @Override
  public boolean hasActiveAdmin() {
    Object now = TokenRows.timestamp(clock.instant());
    return run("hasActiveAdmin", c -> !TokenRows.select(c,
        "role = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
        Role.ADMIN.id(), now).isEmpty());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static void checkName(String name) {
    requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
      String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
      throw new IllegalArgumentException(
          "name: " + shown.replaceAll("\\p{Cntrl}", "?")
              + " (expected: 1.." + MAX_NAME + " printable characters)");
    }
  }

  private static int insert(Connection c, ApiToken token, String kind, String hash,
      @Nullable String lookup) throws SQLException {
    return TokenRows.update(c, "INSERT INTO api_tokens (id, name, role, kind, secret_hash, lookup_key,"
            + " created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)",
        token.id(), token.name(), token.role().id(), kind, hash, TokenRows.text(lookup),
        TokenRows.timestamp(token.created()), TokenRows.timestamp(token.expiresAt()));
  }

  private static List<ApiToken> tokens(List<TokenRows.Row> rows) {
    return rows.stream().map(TokenRows.Row::token).toList();
  }

  private interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction. */
  private <T> T run(String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageException("api_tokens: " + operation + " failed (" + e.getMessage() + ")", e);
    }
  }
}
