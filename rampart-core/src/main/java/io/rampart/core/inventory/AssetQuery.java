package io.rampart.core.inventory;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A filter and page over the stored inventory, ordered by asset ID. */
public final class AssetQuery {
  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 1000;

  private final @Nullable String kind;
  private final @Nullable String provider;
  private final boolean includeMissing;
  private final @Nullable String cursor;
  private final int limit;

  private AssetQuery(Builder b) {
    this.kind = b.kind;
    this.provider = b.provider;
    this.includeMissing = b.includeMissing;
    this.cursor = b.cursor;
    this.limit = b.limit;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<String> kind() {
    return Optional.ofNullable(kind);
  }

  public Optional<String> provider() {
    return Optional.ofNullable(provider);
  }

  /** Whether assets marked missing are listed too. */
  public boolean includeMissing() {
    return includeMissing;
  }

  public Optional<String> cursor() {
    return Optional.ofNullable(cursor);
  }

  public int limit() {
    return limit;
  }

  String filters() {
    return String.join("|", "a", kind().orElse(""), provider().orElse(""),
        String.valueOf(includeMissing));
  }

  /** Builds an {@link AssetQuery}; defaults: everything present, 100 per page. */
  public static final class Builder {
    private @Nullable String kind;
    private @Nullable String provider;
    private boolean includeMissing;
    private @Nullable String cursor;
    private int limit = DEFAULT_LIMIT;

    private Builder() {}

    public Builder kind(String kind) {
      this.kind = requireNonNull(kind, "kind");
      return this;
    }

    public Builder provider(String provider) {
      this.provider = requireNonNull(provider, "provider");
      return this;
    }

    public Builder includeMissing(boolean includeMissing) {
      this.includeMissing = includeMissing;
      return this;
    }

    /** Continues after the page that returned this cursor (same filters). */
    public Builder cursor(String cursor) {
      this.cursor = requireNonNull(cursor, "cursor");
      return this;
    }

    public Builder limit(int limit) {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw new IllegalArgumentException("limit: " + limit + " (expected: 1.." + MAX_LIMIT + ")");
      }
      this.limit = limit;
      return this;
    }

    public AssetQuery build() {
      return new AssetQuery(this);
    }
  }
}
