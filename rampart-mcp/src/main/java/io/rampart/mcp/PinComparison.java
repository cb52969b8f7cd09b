package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A tool definition compared with its pin. */
public sealed interface PinComparison {
  /** The definition seen now. */
  ToolPin current();

  /** The tool was never pinned. */
  record New(ToolPin current) implements PinComparison {
    public New {
      requireNonNull(current, "current");
    }
  }

  /** The definition matches its pin. */
  record Unchanged(ToolPin current) implements PinComparison {
    public Unchanged {
      requireNonNull(current, "current");
    }
  }

  /**
   * The definition differs from its pin.
   *
   * @param changedFields which of {@link ToolPin#FIELDS} differ, in that order
   */
  record Changed(ToolPin pinned, ToolPin current, List<String> changedFields) implements PinComparison {
    public Changed {
      requireNonNull(pinned, "pinned");
      requireNonNull(current, "current");
      changedFields = List.copyOf(changedFields);
    }
  }
}
