package io.rampart.core.event;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An event before the log has accepted it: everything but the id and the time, which the log
 * assigns. Principal and asset are empty strings when the event has none.
 *
 * @param type dotted lower-case type such as {@code gateway.request}, {@code scan.finding}
 * @param attributes JSON-compatible values only (String, Number, Boolean, List, Map); never
 *     sensitive values themselves
 * @param references catalog IDs such as {@code LLM01} or {@code AML.T0051}
 */
public record EventDraft(
    String type,
    Severity severity,
    String principal,
    String asset,
    Outcome outcome,
    Map<String, Object> attributes,
    List<String> references) {

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)+");

  public EventDraft {
    requireNonNull(type, "type");
    requireNonNull(severity, "severity");
    requireNonNull(principal, "principal");
    requireNonNull(asset, "asset");
    requireNonNull(outcome, "outcome");
    if (!TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "type: " + type + " (expected: dotted lower-case words such as gateway.request)");
    }
    attributes = Map.copyOf(new LinkedHashMap<>(requireNonNull(attributes, "attributes")));
    references = List.copyOf(requireNonNull(references, "references"));
  }

  public static Builder builder(String type) {
    return new Builder(type);
  }

  /** Builds an {@link EventDraft}; defaults: severity info, outcome success, no principal. */
  public static final class Builder {
    private final String type;
    private Severity severity = Severity.INFO;
    private String principal = "";
    private String asset = "";
    private Outcome outcome = Outcome.SUCCESS;
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final List<String> references = new ArrayList<>();

    private Builder(String type) {
      this.type = requireNonNull(type, "type");
    }

    public Builder severity(Severity severity) {
      this.severity = requireNonNull(severity, "severity");
      return this;
    }

    public Builder principal(String principal) {
      this.principal = requireNonNull(principal, "principal");
      return this;
    }

    public Builder asset(String asset) {
      this.asset = requireNonNull(asset, "asset");
      return this;
    }

    public Builder outcome(Outcome outcome) {
      this.outcome = requireNonNull(outcome, "outcome");
      return this;
    }

    public Builder attribute(String key, Object value) {
      attributes.put(requireNonNull(key, "key"), requireNonNull(value, "value"));
      return this;
    }

    public Builder attributes(Map<String, ?> values) {
      values.forEach(this::attribute);
      return this;
    }

    public Builder reference(String catalogId) {
      references.add(requireNonNull(catalogId, "catalogId"));
      return this;
    }

    public Builder references(List<String> catalogIds) {
      catalogIds.forEach(this::reference);
      return this;
    }

    public EventDraft build() {
      return new EventDraft(type, severity, principal, asset, outcome, attributes, references);
    }
  }
}
