package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.util.Optional;

/**
 * Where Rampart keeps its state ({@code storage:} in rampart.yaml). An empty URL means the
 * embedded H2 database under the data directory; a {@code jdbc:postgresql:} URL selects
 * PostgreSQL for production.
 */
public record StorageConfig(String url, String username, Secret password, int poolSize) {
  public static final StorageConfig DEFAULT = new StorageConfig("", "", Secret.empty(), 8);

  public StorageConfig {
    requireNonNull(url, "url");
    requireNonNull(username, "username");
    requireNonNull(password, "password");
    if (!url.isEmpty() && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "url: " + url + " (expected: empty, jdbc:h2:... or jdbc:postgresql://...)");
    }
    if (poolSize < 1 || poolSize > 200) {
      throw new IllegalArgumentException("pool-size: " + poolSize + " (expected: 1..200)");
    }
  }

  /** The configured JDBC URL, empty for the embedded default. */
  public Optional<String> jdbcUrl() {
    return url.isEmpty() ? Optional.empty() : Optional.of(url);
  }
}
