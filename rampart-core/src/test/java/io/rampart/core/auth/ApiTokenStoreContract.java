package io.rampart.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rampart.core.storage.Backend;
import io.rampart.core.storage.Database;
import io.rampart.core.storage.TestClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The {@link JdbcApiTokenStore} contract, run once per {@link Backend} by the subclasses. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTokenStoreContract {
  private Database db;
  private TestClock clock;
  private JdbcApiTokenStore store;

  abstract Backend backend();

  @BeforeAll
  void openDatabase(@TempDir Path dir) {
    db = backend().open(dir);
  }

  @AfterAll
  void closeDatabase() {
    db.close();
  }

  @BeforeEach
  void openStore() {
    Backend.clear(db);
    clock = TestClock.at("2026-03-01T10:00:00Z");
    store = JdbcApiTokenStore.create(db, clock, new Random(7));
  }

  @Test
  void createdTokenVerifiesAndIsListed() {
    IssuedToken issued = store.create("ci", Role.ANALYST);

    assertThat(issued.bearer().reveal()).matches("rpt_[a-z2-7]{12}_[a-z2-7]{52}")
        .startsWith("rpt_" + issued.token().id() + "_");
    assertThat(issued.bearer()).hasToString("<redacted>");
    assertThat(issued.token()).extracting(ApiToken::name, ApiToken::role, ApiToken::created)
        .containsExactly("ci", Role.ANALYST, clock.instant());
    assertThat(store.verify(issued.bearer().reveal())).contains(issued.token());
    assertThat(store.list()).containsExactly(issued.token());
    assertThat(store.find(issued.token().id())).contains(issued.token());
  }

  @Test
  void onlyAHashOfTheSecretIsStored() throws SQLException {
    IssuedToken issued = store.create("ci", Role.ADMIN);
    String secret = issued.bearer().reveal().substring(17);
    List<String> stored = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT secret_hash, name, kind FROM api_tokens")) {
      while (rows.next()) {
        stored.add(rows.getString(1) + rows.getString(2) + rows.getString(3));
      }
    }
    assertThat(stored).singleElement().asString()
        .startsWith(TokenFormat.hex(TokenFormat.sha256(secret)))
        .doesNotContain(secret);
  }

  @Test
  void wrongSecretsUnknownIdsAndMalformedValuesVerifyToEmptyWithoutThrowing() {
    IssuedToken issued = store.create("ci", Role.ADMIN);
    String bearer = issued.bearer().reveal();
    String id = issued.token().id();
    char last = bearer.charAt(bearer.length() - 1);
    List<String> bad = new ArrayList<>(List.of(
        "", "rpt_", "rpt__", " ", bearer + "a", bearer.substring(1), bearer.toUpperCase(),
        bearer.substring(0, bearer.length() - 1) + (last == 'a' ? 'b' : 'a'),
        "rpt_" + id + "_", "rpt_" + id, "Bearer " + bearer, bearer + "\n", "\u0000".repeat(20),
        "rpt_aaaaaaaaaaaa_" + "a".repeat(52), "x".repeat(100_000), "ünïcödé-ünïcödé-ünï",
        "rpt_" + id + "_" + "🔐".repeat(26)));
    Random random = new Random(99);
    for (int i = 0; i < 200; i++) {
      StringBuilder junk = new StringBuilder(random.nextBoolean() ? "rpt_" : "");
      int length = random.nextInt(90);
      for (int j = 0; j < length; j++) {
        junk.append((char) random.nextInt(0x3000));
      }
      bad.add(junk.toString());
    }
    for (String value : bad) {
      assertThat(store.verify(value)).as("verify(%s)", value.length() > 30
          ? value.substring(0, 30) : value).isEmpty();
    }
    assertThat(store.verify(bearer)).isPresent();
  }

  @Test
  void tokensExpireAfterTheirTtl() {
    IssuedToken issued = store.create("short", Role.ADMIN, Duration.ofHours(1));
    assertThat(issued.token().expires()).contains(clock.instant().plus(Duration.ofHours(1)));
    assertThat(store.hasActiveAdmin()).isTrue();

    clock.advance(Duration.ofMinutes(59));
    assertThat(store.verify(issued.bearer().reveal())).isPresent();
    clock.advance(Duration.ofMinutes(1));
    assertThat(store.verify(issued.bearer().reveal())).isEmpty();
    assertThat(store.hasActiveAdmin()).isFalse();
    assertThat(store.list()).containsExactly(issued.token());

    assertThatThrownBy(() -> store.create("x", Role.ADMIN, Duration.ZERO))
        .hasMessage("ttl: PT0S (expected: > 0)");
  }

  @Test
  void revokeIsIdempotentAndStopsVerification() {
    IssuedToken issued = store.create("ci", Role.ADMIN);
    String id = issued.token().id();
    clock.advance(Duration.ofMinutes(5));

    assertThat(store.revoke(id)).isTrue();
    assertThat(store.verify(issued.bearer().reveal())).isEmpty();
    assertThat(store.find(id).orElseThrow().revoked()).contains(clock.instant());
    clock.advance(Duration.ofMinutes(5));
    assertThat(store.revoke(id)).isTrue();
    assertThat(store.find(id).orElseThrow().revoked())
        .contains(clock.instant().minus(Duration.ofMinutes(5)));
    assertThat(store.revoke("aaaaaaaaaaaa")).isFalse();
    assertThat(store.revoke("'; DROP TABLE api_tokens; --")).isFalse();
    assertThat(store.find("nope")).isEmpty();
    assertThat(store.hasActiveAdmin()).isFalse();
  }

  @Test
  void listsNewestFirstAndTracksActiveAdmins() {
    assertThat(store.hasActiveAdmin()).isFalse();
    IssuedToken first = store.create("viewer", Role.VIEWER);
    clock.advance(Duration.ofSeconds(1));
    IssuedToken second = store.create("analyst", Role.ANALYST);
    assertThat(store.hasActiveAdmin()).isFalse();
    clock.advance(Duration.ofSeconds(1));
    IssuedToken third = store.create("admin", Role.ADMIN);

    assertThat(store.list()).containsExactly(third.token(), second.token(), first.token());
    assertThat(store.hasActiveAdmin()).isTrue();
  }

  @Test
  void importedTokensVerifyAndReplaceEarlierImportsOfTheirName() {
    String value = "correct-horse-battery-staple-42";
    ApiToken imported = store.importToken("bootstrap", Role.ADMIN, value);
    assertThat(store.verify(value)).contains(imported);
    assertThat(store.hasActiveAdmin()).isTrue();

    // A restart importing the same value keeps the same token.
    clock.advance(Duration.ofHours(1));
    assertThat(store.importToken("bootstrap", Role.ADMIN, value)).isEqualTo(imported);
    assertThat(store.list()).hasSize(1);

    // A new value replaces the old one.
    ApiToken replaced = store.importToken("bootstrap", Role.ADMIN, "another-long-secret-value");
    assertThat(store.verify(value)).isEmpty();
    assertThat(store.verify("another-long-secret-value")).contains(replaced);
    assertThat(store.find(imported.id()).orElseThrow().revoked()).isPresent();

    // Issued tokens of the same name are left alone, and rpt_-shaped values still work.
    IssuedToken issued = store.create("bootstrap", Role.ANALYST);
    String lookalike = "rpt_aaaaaaaaaaaa_" + "b".repeat(52);
    ApiToken third = store.importToken("bootstrap", Role.ADMIN, lookalike);
    assertThat(store.verify(lookalike)).contains(third);
    assertThat(store.verify(issued.bearer().reveal())).contains(issued.token());
  }

  @Test
  void importRejectsShortValuesWithoutEchoingThem() {
    assertThatThrownBy(() -> store.importToken("bootstrap", Role.ADMIN, "hunter2-short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bearer: <13 characters> (expected: 16..1024 characters)")
        .message().doesNotContain("hunter2");
    assertThatThrownBy(() -> store.create(" ", Role.ADMIN))
        .hasMessageStartingWith("name: ")
        .hasMessageEndingWith(" (expected: 1..200 printable characters)");
    assertThat(store.list()).isEmpty();
  }
}
