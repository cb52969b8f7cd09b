package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** What one decoded JSON-RPC text held: a single message or a batch. */
public sealed interface JsonRpcPayload {

  /** A single message. */
  record Single(JsonRpcMessage message) implements JsonRpcPayload {
    public Single {
      requireNonNull(message, "message");
    }
  }

  /** A non-empty batch; invalid elements are kept so each can be answered with its error. */
  record Batch(List<Element> elements) implements JsonRpcPayload {
    public Batch {
      elements = List.copyOf(elements);
    }

    /** The valid messages of the batch, in order. */
    public List<JsonRpcMessage> messages() {
      return elements.stream()
          .<JsonRpcMessage>mapMulti(
              (e, sink) -> {
                if (e instanceof Valid v) {
                  sink.accept(v.message());
                }
              })
          .toList();
    }
  }

  /** One batch element. */
  sealed interface Element {}

  /** A batch element that is a valid message. */
  record Valid(JsonRpcMessage message) implements Element {
    public Valid {
      requireNonNull(message, "message");
    }
  }

  /** A batch element that is not; {@code id} is a {@code NullNode} when unreadable. */
  record Invalid(JsonNode id, JsonRpcError error) implements Element {
    public Invalid {
      requireNonNull(id, "id");
      requireNonNull(error, "error");
    }
  }
}
