package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import io.rampart.core.Secret;
import java.util.HashMap;
import java.util.Map;

/**
 * Redaction action per finding type (YAML: {@code actions: {CREDIT_CARD: mask}}, {@code
 * default-action}, {@code hmac-key}).
 *
 * @param actions action per type
 * @param defaultAction action for types not listed
 * @param hmacKey key for the hash action; required when any action hashes
 */
public record RedactionPolicy(
    Map<String, RedactionAction> actions, RedactionAction defaultAction, Secret hmacKey) {
  public RedactionPolicy {
    actions = Map.copyOf(actions);
    requireNonNull(defaultAction, "defaultAction");
    requireNonNull(hmacKey, "hmacKey");
    boolean hashes = defaultAction instanceof RedactionAction.Hash
        || actions.values().stream().anyMatch(a -> a instanceof RedactionAction.Hash);
    if (hashes && hmacKey.isEmpty()) {
      throw new DlpException("hmac-key: <empty> (expected: a key when an action is hash)");
    }
  }

  public RedactionAction actionFor(String type) {
    return actions.getOrDefault(type, defaultAction);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder for {@link RedactionPolicy}; the default action is replace. */
  public static final class Builder {
    private final Map<String, RedactionAction> actions = new HashMap<>();
    private RedactionAction defaultAction = new RedactionAction.Replace();
    private Secret hmacKey = Secret.empty();

    private Builder() {}

    public Builder action(String type, RedactionAction action) {
      actions.put(requireNonNull(type, "type"), requireNonNull(action, "action"));
      return this;
    }

    public Builder defaultAction(RedactionAction action) {
      this.defaultAction = requireNonNull(action, "action");
      return this;
    }

    public Builder hmacKey(Secret key) {
      this.hmacKey = requireNonNull(key, "key");
      return this;
    }

    public RedactionPolicy build() {
      return new RedactionPolicy(actions, defaultAction, hmacKey);
    }
  }
}
