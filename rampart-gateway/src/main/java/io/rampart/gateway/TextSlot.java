package io.rampart.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A text field inside a JSON body that inspection reads and may replace, with what kind of
 * content it holds. Extraction knows the request and response shapes of OpenAI chat,
 * completions, embeddings and responses, and of Anthropic messages; unknown parts (images,
 * audio) are left alone.
 */
record TextSlot(JsonNode parent, String field, int index, Kind kind) {
  /** What a text is, which decides the guard check it gets. */
  enum Kind {
    /** Written by the end user: direct injection and jailbreak checks. */
    PROMPT,
    /** Tool results and retrieved documents: indirect injection checks. */
    RETRIEVED,
    /** System prompts and earlier assistant turns: DLP only. */
    CONTEXT,
    /** Model output. */
    OUTPUT
  }

  String text() {
    JsonNode n = parent instanceof ArrayNode a ? a.get(index) : parent.get(field);
    return n == null ? "" : n.asText();
  }

  void set(String text) {
    if (parent instanceof ArrayNode a) {
      a.set(index, a.textNode(text));
    } else {
      ((ObjectNode) parent).put(field, text);
    }
  }

  /** Every text of a request body. */
  static List<TextSlot> request(ObjectNode root) {
    List<TextSlot> out = new ArrayList<>();
    content(root, "system", Kind.CONTEXT, out);
    content(root, "instructions", Kind.CONTEXT, out);
    content(root, "prompt", Kind.PROMPT, out);
    if (root.get("messages") instanceof ArrayNode messages) {
      for (JsonNode m : messages) {
        if (m instanceof ObjectNode msg) {
          content(msg, "content", roleKind(msg.path("role").asText()), out);
        }
      }
    }
    JsonNode input = root.get("input");
    if (input != null && input.isTextual()) {
      out.add(new TextSlot(root, "input", -1, Kind.PROMPT));
    } else if (input instanceof ArrayNode items) {
      for (int i = 0; i < items.size(); i++) {
        JsonNode item = items.get(i);
        if (item.isTextual()) {
          out.add(new TextSlot(items, "", i, Kind.PROMPT));
        } else if (item instanceof ObjectNode o) {
          if ("function_call_output".equals(o.path("type").asText())) {
            content(o, "output", Kind.RETRIEVED, out);
          } else {
            content(o, "content", roleKind(o.path("role").asText("user")), out);
          }
        }
      }
    }
    return out;
  }

  /** Every text of a non-streamed response body. */
  static List<TextSlot> response(ObjectNode root) {
    List<TextSlot> out = new ArrayList<>();
    for (JsonNode choice : root.path("choices")) {
      if (choice instanceof ObjectNode c) {
        content(c, "text", Kind.OUTPUT, out);
        if (c.get("message") instanceof ObjectNode msg) {
          content(msg, "content", Kind.OUTPUT, out);
        }
      }
    }
    for (JsonNode item : root.path("output")) {
      if (item instanceof ObjectNode o) {
        content(o, "content", Kind.OUTPUT, out);
      }
    }
    content(root, "content", Kind.OUTPUT, out);
    return out;
  }

  private static Kind roleKind(String role) {
    return switch (role) {
      case "user" -> Kind.PROMPT;
      case "tool", "function" -> Kind.RETRIEVED;
      default -> Kind.CONTEXT;
    };
  }

  /** {@code parent.field} as a string, or an array of strings and typed text parts. */
  private static void content(ObjectNode parent, String field, Kind kind, List<TextSlot> out) {
    JsonNode value = parent.get(field);
    if (value == null) {
      return;
    }
    if (value.isTextual()) {
      out.add(new TextSlot(parent, field, -1, kind));
    } else if (value instanceof ArrayNode parts) {
      for (int i = 0; i < parts.size(); i++) {
        JsonNode part = parts.get(i);
        if (part.isTextual()) {
          out.add(new TextSlot(parts, "", i, kind));
        } else if (part instanceof ObjectNode p) {
          String type = p.path("type").asText();
          switch (type) {
            case "tool_result" -> content(p, "content", Kind.RETRIEVED, out);
            case "function_call_output" -> content(p, "output", Kind.RETRIEVED, out);
            default -> {
              if (p.path("text").isTextual()) {
                out.add(new TextSlot(p, "text", -1, kind));
              }
            }
          }
        }
      }
    }
  }
}
