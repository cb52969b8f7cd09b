package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rampart.dlp.PseudonymSession;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;

/**
 * The innermost stage: inspects the request body, sends it upstream, and inspects what comes
 * back, complete (JSON) or streamed (SSE).
 */
final class Forwarder {
  private static final Set<String> KEEP_RESPONSE = Set.of("content-type", "retry-after",
      "x-request-id", "request-id", "openai-processing-ms", "openai-version", "openai-model");
  private static final int MAX_RESPONSE_BYTES = Upstreams.MAX_ANSWER_BYTES;

  private final Inspector inspector;
  private final Upstreams upstreams;
  private final ObjectMapper json;
  // A tree that says exactly what its bytes say (no repeated key, nothing after it), so an
  // answer that inspection left alone can go out as the upstream's own bytes.
  private final ObjectReader exact;
  private final Supplier<PseudonymSession> sessions;
  private final Supplier<GatewayConfig> config;
  private final ExecutorService detectors = Executors.newVirtualThreadPerTaskExecutor();

  Forwarder(Inspector inspector, Upstreams upstreams, ObjectMapper json,
      Supplier<PseudonymSession> sessions, Supplier<GatewayConfig> config) {
    this.inspector = requireNonNull(inspector, "inspector");
    this.upstreams = requireNonNull(upstreams, "upstreams");
    this.json = requireNonNull(json, "json");
    this.exact = json.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.sessions = requireNonNull(sessions, "sessions");
    this.config = requireNonNull(config, "config");
  }

  void close() {
    detectors.shutdownNow();
  }

  /**
   * Request inspection under the detector deadline. It runs on its own virtual thread against a
   * scratch exchange merged back only when it finishes in time, so a late detector cannot change
   * what this request did or what its event says.
   */
  private Optional<Reply.Full> inspect(Exchange ex, RouteConfig route, String side,
      java.util.function.Function<Exchange, Optional<Reply.Full>> work, boolean[] late) {
    Exchange scratch = ex.scratch();
    Future<Optional<Reply.Full>> task = detectors.submit(() -> work.apply(scratch));
    Duration limit = config.get().detectorTimeout();
    try {
      Optional<Reply.Full> result = task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
      ex.merge(scratch);
      return result;
    } catch (TimeoutException e) {
      task.cancel(true);
      late[0] = true;
      return inspector.timeout(ex, route, side);
    } catch (ExecutionException e) {
      late[0] = true;
      return inspector.failure(ex, route, "inspector", side);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      late[0] = true;
      return inspector.timeout(ex, route, side);
    }
  }

  Reply handle(Exchange ex) {
    RouteConfig route = requireNonNull(ex.route, "route");
    PseudonymSession session = sessions.get();
    byte[] body = ex.body;
    if (ex.json != null) {
      boolean[] late = {false};
      ObjectNode request = ex.json;
      Optional<Reply.Full> blocked = inspect(ex, route, "request",
          x -> inspector.request(x, route, TextSlot.request(request), session), late);
      if (blocked.isPresent()) {
        return blocked.get();
      }
      if (!late[0] && ex.decision.equals("redacted")) {
        body = ex.json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    Upstreams.Answer answer;
    try {
      answer = upstreams.send(ex, route, body, config.get().upstreamTimeout(), ex.stream);
    } catch (GatewayException e) {
      boolean timedOut = e.getMessage().contains("no answer within");
      return Errors.status(ex, timedOut ? 504 : 502, "upstream_error",
          timedOut ? "upstream_timeout" : "upstream_unavailable", e.getMessage());
    }
    ex.upstreamStatus = answer.status();
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpField f : answer.headers()) {
      String name = f.getLowerCaseName();
      if (KEEP_RESPONSE.contains(name) || name.startsWith("x-ratelimit-")
          || name.startsWith("anthropic-")) {
        headers.put(f.getName(), f.getValue());
      }
    }
    String type = answer.headers().get("content-type");
    String mime = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (answer.status() < 400 && mime.startsWith("text/event-stream")) {
      headers.remove("Content-Type");
      return new Reply.Streamed(answer.status(), headers, "text/event-stream", out -> {
        SseRewriter rewriter = new SseRewriter(ex, route, inspector, session, json, out);
        SseParser parser = new SseParser(rewriter::accept);
        byte[] buffer = new byte[8192];
        try (InputStream in = answer.body()) {
          int n;
          while (!ex.decision.equals("blocked") && (n = in.read(buffer)) >= 0) {
            parser.feed(buffer, 0, n);
          }
        }
        parser.finish();
        rewriter.finish();
      });
    }
    byte[] bytes = read(answer.body(),
        answer.headers().getLongField(org.eclipse.jetty.http.HttpHeader.CONTENT_LENGTH));
    String contentType = type == null ? "application/octet-stream" : type;
    headers.remove("Content-Type");
    if (answer.status() < 400 && mime.startsWith("text/")) {
      // plain-text answers are inspected whole, like a single content field
      ObjectNode holder = json.createObjectNode();
      holder.put("content", new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      boolean[] late = {false};
      Optional<Reply.Full> blocked = inspect(ex, route, "response",
          x -> inspector.response(x, route, TextSlot.response(holder), session), late);
      return blocked.orElseGet(() -> new Reply.Full(answer.status(), headers, contentType,
          late[0] ? bytes : holder.path("content").asText()
              .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    if (answer.status() >= 400 || !mime.startsWith("application/json")) {
      return new Reply.Full(answer.status(), headers, contentType, bytes);
    }
    Parsed parsed = parse(bytes);
    ObjectNode root = parsed.root();
    if (root == null) {
      return Errors.status(ex, 502, "upstream_error", "upstream_malformed",
          "the upstream answered JSON that could not be inspected");
    }
    usage(ex, root.path("usage"));
    if (ex.method.equals("GET") && ex.path.endsWith("/models") && !route.models().isEmpty()
        && root.get("data") instanceof ArrayNode data) {
      ArrayNode kept = data.arrayNode();
      data.forEach(m -> {
        if (route.allowsModel(m.path("id").asText())) {
          kept.add(m);
        }
      });
      root.set("data", kept);
    } else {
      boolean[] late = {false};
      List<TextSlot> slots = TextSlot.response(root);
      List<String> before = parsed.exact() ? slots.stream().map(TextSlot::text).toList() : null;
      Optional<Reply.Full> blocked = inspect(ex, route, "response",
          x -> inspector.response(x, route, slots, session), late);
      if (blocked.isPresent()) {
        return blocked.get();
      }
      if (late[0] || (before != null && unchanged(slots, before))) {
        // nothing redacted or restored: the upstream's bytes are the inspected answer
        return new Reply.Full(answer.status(), headers, contentType, bytes);
      }
    }
    return new Reply.Full(answer.status(), headers, contentType,
        root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** An answer's tree, and whether it says exactly what the bytes say; a null root: no object. */
  private record Parsed(ObjectNode root, boolean exact) {}

  private Parsed parse(byte[] bytes) {
    try {
      return new Parsed(exact.readTree(bytes) instanceof ObjectNode o ? o : null, true);
    } catch (IOException e) {
      // a repeated key or trailing data: inspected as Jackson reads it, and sent as inspected
    }
    try {
      return new Parsed(json.readTree(bytes) instanceof ObjectNode o ? o : null, false);
    } catch (IOException e) {
      return new Parsed(null, false);
    }
  }

  private static boolean unchanged(List<TextSlot> slots, List<String> before) {
    for (int i = 0; i < slots.size(); i++) {
      if (!slots.get(i).text().equals(before.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static void usage(Exchange ex, JsonNode usage) {
    if (usage.isObject()) {
      ex.promptTokens = usage.path("prompt_tokens").asLong(
          usage.path("input_tokens").asLong(ex.promptTokens));
      ex.completionTokens = usage.path("completion_tokens").asLong(
          usage.path("output_tokens").asLong(0));
    }
  }

  private static byte[] read(InputStream in, long declared) {
    try (in) {
      byte[] bytes = in instanceof BufferedAnswer.Body whole ? whole.all()
          : Bodies.read(in, declared, MAX_RESPONSE_BYTES);
      if (bytes.length > MAX_RESPONSE_BYTES) {
        throw new GatewayException("upstream response: larger than " + MAX_RESPONSE_BYTES
            + " bytes (expected: less)");
      }
      return bytes;
    } catch (IOException e) {
      throw new GatewayException("upstream response: read failed (expected: a complete body)", e);
    }
  }
}
