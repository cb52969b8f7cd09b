package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.dlp.PseudonymSession;
import io.rampart.dlp.RedactionResult;
import io.rampart.dlp.Redactor;
import io.rampart.dlp.StreamingRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Inspects a streamed model response event by event: text deltas go through one DLP {@link
 * StreamingRedactor} per choice/content block (so a value split across deltas is still caught,
 * with only the scanner's short look-behind held back), pseudonyms are restored across chunk
 * boundaries, the guard checks the accumulated text, and a violation cuts the stream off with a
 * final error event. Understands OpenAI chat/completions chunks, OpenAI Responses events and
 * Anthropic Messages events. One per stream; not thread-safe.
 */
final class SseRewriter {
  private static final int GUARD_EVERY = 2048;
  private static final int GUARD_WINDOW = 16 * 1024;

  private final Exchange ex;
  private final RouteConfig route;
  private final Inspector inspector;
  private final PseudonymSession session;
  private final Redactor redactor;
  private final ObjectMapper json;
  private final OutputStream out;
  private final Map<String, Part> parts = new HashMap<>();
  private long emittedChars;
  private boolean cut;

  SseRewriter(Exchange ex, RouteConfig route, Inspector inspector, PseudonymSession session,
      ObjectMapper json, OutputStream out) {
    this.ex = requireNonNull(ex, "ex");
    this.route = requireNonNull(route, "route");
    this.inspector = requireNonNull(inspector, "inspector");
    this.session = requireNonNull(session, "session");
    this.json = requireNonNull(json, "json");
    this.out = requireNonNull(out, "out");
    this.redactor = Redactor.create(route.policy().response());
  }

  /** One text stream (a choice or a content block) and its detectors. */
  private final class Part {
    final StreamingRedactor dlp = redactor.streaming(inspector.dlp(), session);
    final PseudonymSession.Restorer restorer = session.restorer();
    final StringBuilder recent = new StringBuilder();
    final StringBuilder all = new StringBuilder();
    int sinceGuard;

    /** The text to emit for {@code piece}, or empty when the stream was cut off. */
    Optional<String> feed(String piece, boolean last) {
      RedactionResult r;
      try {
        r = dlp.feed(piece);
        if (last && r instanceof RedactionResult.Redacted first) {
          RedactionResult rest = dlp.finish();
          r = rest instanceof RedactionResult.Redacted second
              ? new RedactionResult.Redacted(first.text() + second.text(), second.replaced())
              : rest;
        }
      } catch (RuntimeException e) {
        if (inspector.failure(ex, route, "dlp", "response").isPresent()) {
          return cutOff("detector_failure", "response cut off: the dlp detector failed and route "
              + route.name() + " fails closed");
        }
        r = new RedactionResult.Redacted(piece, 0);
      }
      if (r instanceof RedactionResult.Blocked b) {
        b.types().forEach(t -> ex.finding(t, 1));
        ex.rule("dlp.response.block");
        return cutOff("response_blocked", "response cut off by rule dlp.response.block: it "
            + "contains " + String.join(", ", b.types()));
      }
      String safe = ((RedactionResult.Redacted) r).text();
      recent.append(safe);
      sinceGuard += safe.length();
      if (recent.length() > GUARD_WINDOW) {
        recent.delete(0, recent.length() - GUARD_WINDOW);
      }
      if (route.policy().guard().enabled() && (last || sinceGuard >= GUARD_EVERY)) {
        sinceGuard = 0;
        Optional<Reply.Full> blocked = inspector.guardResponse(ex, route, recent.toString());
        if (blocked.isPresent()) {
          return cutOff(ex.errorCode, "response cut off by rule " + String.join(", ", ex.rules));
        }
      }
      String restored = restorer.feed(safe) + (last ? restorer.finish() : "");
      emittedChars += restored.length();
      all.append(restored);
      return Optional.of(restored);
    }
  }

  /** Handles one upstream event; false once the stream has been cut off. */
  boolean accept(SseEvent event) {
    if (cut) {
      return false;
    }
    String data = event.data();
    if (data.equals("[DONE]")) {
      write(event);
      return true;
    }
    if (!data.startsWith("{")) {
      return plain(event);
    }
    ObjectNode root;
    try {
      root = (ObjectNode) json.readTree(data);
    } catch (IOException | ClassCastException e) {
      return cutOff("upstream_malformed", "response cut off: the upstream sent an event that is "
          + "not JSON").isPresent();
    }
    String type = root.path("type").asText(event.event());
    boolean ok = switch (type) {
      case "content_block_delta" -> anthropicDelta(event, root);
      case "content_block_stop" -> anthropicStop(event, root);
      case "message_start" -> usage(root.path("message").path("usage"), event, root);
      case "message_delta" -> usage(root.path("usage"), event, root);
      case "response.output_text.delta" -> responsesDelta(event, root);
      case "response.output_text.done" -> responsesDone(event, root);
      default -> root.has("choices") ? openAi(event, root) : other(event, root);
    };
    return ok && !cut;
  }

  /** Ends the stream: whatever is still held back is flushed by the part that owns it. */
  void finish() {
    if (ex.completionTokens == 0) {
      ex.completionTokens = (emittedChars + 3) / 4;
    }
  }

  /** Data that is not JSON: redacted as a whole, never passed on unread. */
  private boolean plain(SseEvent event) {
    ObjectNode holder = json.createObjectNode();
    holder.put("content", event.data());
    Optional<Reply.Full> blocked =
        inspector.response(ex, route, TextSlot.response(holder), session);
    if (blocked.isPresent()) {
      return cutOff(ex.errorCode, "response cut off by rule " + String.join(", ", ex.rules))
          .isPresent();
    }
    write(new SseEvent(event.event(), holder.path("content").asText()));
    return true;
  }

  private boolean openAi(SseEvent event, ObjectNode root) {
    usage(root.path("usage"), null, root);
    for (JsonNode c : root.path("choices")) {
      if (!(c instanceof ObjectNode choice)) {
        continue;
      }
      String key = "c" + choice.path("index").asInt();
      boolean last = !choice.path("finish_reason").isNull()
          && !choice.path("finish_reason").isMissingNode();
      ObjectNode holder = choice.get("delta") instanceof ObjectNode d ? d : choice;
      String field = holder == choice ? "text" : "content";
      JsonNode piece = holder.get(field);
      if ((piece != null && piece.isTextual()) || (last && parts.containsKey(key))) {
        Optional<String> text = part(key).feed(piece != null && piece.isTextual()
            ? piece.asText() : "", last);
        if (text.isEmpty()) {
          return false;
        }
        if (piece != null || !text.get().isEmpty()) {
          holder.put(field, text.get());
        }
      }
    }
    write(new SseEvent(event.event(), root.toString()));
    return true;
  }

  private boolean anthropicDelta(SseEvent event, ObjectNode root) {
    if (root.get("delta") instanceof ObjectNode delta && delta.path("text").isTextual()) {
      Optional<String> text = part("a" + root.path("index").asInt())
          .feed(delta.path("text").asText(), false);
      if (text.isEmpty()) {
        return false;
      }
      delta.put("text", text.get());
    }
    write(new SseEvent(event.event(), root.toString()));
    return true;
  }

  private boolean anthropicStop(SseEvent event, ObjectNode root) {
    String key = "a" + root.path("index").asInt();
    if (parts.containsKey(key)) {
      Optional<String> rest = part(key).feed("", true);
      if (rest.isEmpty()) {
        return false;
      }
      if (!rest.get().isEmpty()) {
        ObjectNode delta = json.createObjectNode();
        delta.put("type", "content_block_delta");
        delta.put("index", root.path("index").asInt());
        delta.putObject("delta").put("type", "text_delta").put("text", rest.get());
        write(new SseEvent("content_block_delta", delta.toString()));
      }
    }
    write(event);
    return true;
  }

  private boolean responsesDelta(SseEvent event, ObjectNode root) {
    Optional<String> text = part(responsesKey(root)).feed(root.path("delta").asText(), false);
    if (text.isEmpty()) {
      return false;
    }
    root.put("delta", text.get());
    write(new SseEvent(event.event(), root.toString()));
    return true;
  }

  private boolean responsesDone(SseEvent event, ObjectNode root) {
    Part part = part(responsesKey(root));
    Optional<String> rest = part.feed("", true);
    if (rest.isEmpty()) {
      return false;
    }
    if (!rest.get().isEmpty()) {
      ObjectNode delta = root.deepCopy();
      delta.remove("text");
      delta.put("type", "response.output_text.delta");
      delta.put("delta", rest.get());
      write(new SseEvent("response.output_text.delta", delta.toString()));
    }
    root.put("text", part.all.toString());
    write(new SseEvent(event.event(), root.toString()));
    return true;
  }

  private static String responsesKey(ObjectNode root) {
    return "r" + root.path("output_index").asInt() + "." + root.path("content_index").asInt();
  }

  /** Any other event: complete texts in it (Responses' final snapshots) are redacted whole. */
  private boolean other(SseEvent event, ObjectNode root) {
    JsonNode response = root.get("response");
    if (response instanceof ObjectNode r) {
      usage(r.path("usage"), null, root);
      List<TextSlot> slots = TextSlot.response(r);
      Optional<Reply.Full> blocked = inspector.response(ex, route, slots, session);
      if (blocked.isPresent()) {
        return cutOff(ex.errorCode, "response cut off by rule " + String.join(", ", ex.rules))
            .isPresent();
      }
    }
    if (root.get("part") instanceof ObjectNode || root.get("item") instanceof ObjectNode) {
      ObjectNode holder = json.createObjectNode();
      holder.putArray("output").add(root.has("item") ? root.get("item") : root);
      if (root.get("part") instanceof ObjectNode p) {
        holder.putArray("content").add(p);
      }
      Optional<Reply.Full> blocked =
          inspector.response(ex, route, TextSlot.response(holder), session);
      if (blocked.isPresent()) {
        return cutOff(ex.errorCode, "response cut off by rule " + String.join(", ", ex.rules))
            .isPresent();
      }
    }
    write(new SseEvent(event.event(), root.toString()));
    return true;
  }

  private boolean usage(JsonNode usage, @Nullable SseEvent event, ObjectNode root) {
    if (usage.isObject()) {
      long in = usage.path("prompt_tokens").asLong(usage.path("input_tokens").asLong(0));
      long outTokens = usage.path("completion_tokens").asLong(usage.path("output_tokens").asLong(0));
      if (in > 0) {
        ex.promptTokens = in;
      }
      if (outTokens > 0) {
        ex.completionTokens = outTokens;
      }
    }
    if (event != null) {
      write(new SseEvent(event.event(), root.toString()));
    }
    return true;
  }

  private Part part(String key) {
    return parts.computeIfAbsent(key, k -> new Part());
  }

  private Optional<String> cutOff(String code, String message) {
    cut = true;
    ex.decision = "blocked";
    ex.errorCode = code;
    Protocol p = route.protocol();
    byte[] body = Errors.of(0, Errors.POLICY, code, message, p).body();
    String name = p == Protocol.ANTHROPIC || ex.path.endsWith("/responses") ? "error" : "";
    write(new SseEvent(name, new String(body, java.nio.charset.StandardCharsets.UTF_8)));
    return Optional.empty();
  }

  private void write(SseEvent event) {
    try {
      out.write(event.encode());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
