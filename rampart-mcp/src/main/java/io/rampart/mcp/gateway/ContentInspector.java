package io.rampart.mcp.gateway;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.Finding;
import io.rampart.dlp.RedactionPolicy;
import io.rampart.dlp.RedactionResult;
import io.rampart.dlp.Redactor;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Tier;
import io.rampart.guard.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DLP and the guard over the strings of a JSON tree (tool arguments, tool results, resource
 * contents, prompt messages). Redacts string values in place; answers the rule that blocks, if
 * any. A detector that throws blocks unless the server's policy fails open, which the call then
 * records.
 */
final class ContentInspector {
  private static final Logger LOG = LoggerFactory.getLogger(ContentInspector.class);
  private static final int MAX_GUARD_CHARS = 64 * 1024;
  private static final int MAX_DEPTH = 64;
  private static final java.util.regex.Pattern PROSE =
      java.util.regex.Pattern.compile("\\p{L}{2,}\\s+\\p{L}{2,}\\s+\\p{L}{2,}");
  private static final com.fasterxml.jackson.databind.ObjectMapper EMBEDDED =
      new com.fasterxml.jackson.databind.ObjectMapper(com.fasterxml.jackson.core.JsonFactory
          .builder().streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints
              .builder().maxNestingDepth(MAX_DEPTH).build()).build());

  /** A refusal: the rule and a message without content. */
  record Block(String rule, String code, String message) {}

  private final DlpEngine dlp;
  private final GuardEngine guard;

  ContentInspector(DlpEngine dlp, GuardEngine guard) {
    this.dlp = requireNonNull(dlp, "dlp");
    this.guard = requireNonNull(guard, "guard");
  }

  /** DLP over every string value under {@code node} with {@code policy}; side names the rule. */
  Optional<Block> redact(JsonNode node, RedactionPolicy policy, String side, Call call,
      boolean failOpen) {
    Redactor redactor = Redactor.create(policy);
    Set<String> blockedTypes = new TreeSet<>();
    try {
      walk(node, 0, redactor, call, blockedTypes);
    } catch (RuntimeException e) {
      LOG.error("DLP failed on {}", side, e);
      return failure(call, "dlp", side, failOpen);
    }
    if (!blockedTypes.isEmpty()) {
      return Optional.of(new Block("dlp." + side + ".block", "sensitive_data", side
          + " blocked by rule dlp." + side + ".block: it contains "
          + String.join(", ", blockedTypes)));
    }
    return Optional.empty();
  }

  private void walk(JsonNode node, int depth, Redactor redactor, Call call, Set<String> blocked) {
    if (depth > MAX_DEPTH) {
      return; // the codec bounds depth before anything reaches here
    }
    if (node instanceof ObjectNode o) {
      for (var e : o.properties()) {
        if (e.getValue() instanceof TextNode t) {
          redacted(t.textValue(), redactor, call, blocked).ifPresent(s -> e.setValue(TextNode.valueOf(s)));
        } else {
          walk(e.getValue(), depth + 1, redactor, call, blocked);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof TextNode t) {
          int at = i;
          redacted(t.textValue(), redactor, call, blocked).ifPresent(s -> a.set(at, TextNode.valueOf(s)));
        } else {
          walk(a.get(i), depth + 1, redactor, call, blocked);
        }
      }
    }
  }

  private Optional<String> redacted(String text, Redactor redactor, Call call, Set<String> blocked) {
    if (text.length() < 4) {
      return Optional.empty();
    }
    List<Finding> findings = dlp.scan(text);
    if (findings.isEmpty()) {
      return Optional.empty();
    }
    findings.forEach(f -> call.finding(f.type()));
    RedactionResult r = redactor.redact(text, findings);
    if (r instanceof RedactionResult.Blocked b) {
      blocked.addAll(b.types());
      return Optional.empty();
    }
    RedactionResult.Redacted red = (RedactionResult.Redacted) r;
    if (red.replaced() == 0) {
      return Optional.empty();
    }
    call.redacted();
    return Optional.of(red.text());
  }

  /** The guard's indirect-injection check over the text under {@code node}. */
  Optional<Block> guardRetrieved(JsonNode node, String side, Call call, boolean failOpen) {
    StringBuilder text = new StringBuilder();
    collect(node, 0, text);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Verdict v;
    try {
      v = requireNonNull(guard.inspectRetrieved(text.toString()), "verdict");
    } catch (RuntimeException e) {
      LOG.error("guard failed on {}", side, e);
      return failure(call, "guard", side, failOpen);
    }
    if (v.tier() == Tier.FAIL_CLOSED) {
      return failure(call, "guard", side, failOpen);
    }
    if (!v.blocked()) {
      return Optional.empty();
    }
    return Optional.of(new Block("guard.retrieved", "indirect_prompt_injection", side
        + " blocked by rule guard.retrieved: it looks like injected instructions"));
  }

  private static void collect(JsonNode node, int depth, StringBuilder out) {
    collect(node, depth, out, false);
  }

  /**
   * Gathers the text the guard reads. JSON printed as text (tool results often are: an
   * environment, an API answer) is not prose: its punctuation, paths and colour specs read to
   * the guard as an adversarial suffix. From such JSON only the values that read as prose (three
   * or more words) are passed on; injected instructions are prose, so they still are.
   */
  private static void collect(JsonNode node, int depth, StringBuilder out, boolean proseOnly) {
    if (out.length() >= MAX_GUARD_CHARS || depth > MAX_DEPTH) {
      return;
    }
    if (node.isTextual()) {
      String t = node.textValue();
      Optional<JsonNode> embedded = proseOnly ? Optional.empty() : embeddedJson(t);
      if (embedded.isPresent()) {
        collect(embedded.get(), depth + 1, out, true);
        return;
      }
      if (!proseOnly || PROSE.matcher(t).find()) {
        out.append(t, 0, Math.min(t.length(), MAX_GUARD_CHARS - out.length())).append('\n');
      }
    } else if (node.isContainerNode()) {
      node.forEach(n -> collect(n, depth + 1, out, proseOnly));
    }
  }

  private static Optional<JsonNode> embeddedJson(String text) {
    String t = text.strip();
    if (t.length() < 2 || t.length() > 4 * MAX_GUARD_CHARS
        || !((t.startsWith("{") && t.endsWith("}")) || (t.startsWith("[") && t.endsWith("]")))) {
      return Optional.empty();
    }
    try {
      return Optional.of(EMBEDDED.readTree(t));
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty(); // not JSON after all: the guard reads it as text
    }
  }

  private static Optional<Block> failure(Call call, String detector, String side,
      boolean failOpen) {
    call.rule("detector-failure." + detector);
    if (failOpen) {
      call.failedOpen = true;
      return Optional.empty();
    }
    return Optional.of(new Block("detector-failure." + detector, "detector_failure", side
        + " blocked: the " + detector + " detector failed and this server fails closed"));
  }
}
