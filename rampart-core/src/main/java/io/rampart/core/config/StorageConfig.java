package io.rampart.core.config;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.util.Optional;

/**
 * Where Rampart keeps its state ({@code storage:} in rampart.yaml). An empty URL means the embedded
 * H2 database under the data directory; a {@code jdbc:postgresql:} URL selects PostgreSQL for
 * production.
 */
public record StorageConfig(String url, String username, Secret password, int poolSize) {
  public static final StorageConfig DEFAULT = new StorageConfig("", "", Secret.empty(), 8);

  public StorageConfig {
    checkUrl(url);
    requireNonNull(username, "username");
    requireNonNull(password, "password");
    checkPoolSize(poolSize);
  }

  /** A builder starting from {@link #DEFAULT}. */
  public static Builder builder() {
    return DEFAULT.toBuilder();
  }

  /** A builder starting from this config. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The configured JDBC URL, empty for the embedded default. */
  public Optional<String> jdbcUrl() {
    return url.isEmpty() ? Optional.empty() : Optional.of(url);
  }

  private static String checkUrl(String url) {
    requireNonNull(url, "url");
    if (!url.isEmpty() && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "url: " + url + " (expected: empty, jdbc:h2:... or jdbc:postgresql://...)");
    }
    return url;
  }

  private static int checkPoolSize(int poolSize) {
    if (poolSize < 1 || poolSize > 200) {
      throw new IllegalArgumentException("pool-size: " + poolSize + " (expected: 1..200)");
    }
    return poolSize;
  }

  /** Builds a {@link StorageConfig}; setters validate eagerly. */
  public static final class Builder {
    private String url;
    private String username;
    private Secret password;
    private int poolSize;

    private Builder(StorageConfig from) {
      this.url = from.url;
      this.username = from.username;
      this.password = from.password;
      this.poolSize = from.poolSize;
    }

    public Builder url(String url) {
      this.url = checkUrl(url);
      return this;
    }

    public Builder username(String username) {
      this.username = requireNonNull(username, "username");
      return this;
    }

    public Builder password(Secret password) {
      this.password = requireNonNull(password, "password");
      return this;
    }

    public Builder poolSize(int poolSize) {
      this.poolSize = checkPoolSize(poolSize);
      return this;
    }

    public StorageConfig build() {
      return new StorageConfig(url, username, password, poolSize);
    }
  }
}
