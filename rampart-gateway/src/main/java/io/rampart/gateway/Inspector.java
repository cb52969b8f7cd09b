package io.rampart.gateway;

import static java.util.Objects.requireNonNull;

import io.rampart.dlp.Classifier;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.Finding;
import io.rampart.dlp.PseudonymSession;
import io.rampart.dlp.RedactionResult;
import io.rampart.dlp.Redactor;
import io.rampart.dlp.SensitivityLabel;
import io.rampart.guard.Category;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Tier;
import io.rampart.guard.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs DLP and the guard over the texts of one body in a single pass, applying the route's
 * policy: redacts in place, or answers the 403 that blocks. A detector that throws (or a guard
 * verdict from its fail-closed tier) blocks, unless the route is set to fail open, which is then
 * recorded on the request's event.
 */
final class Inspector {
  private final DlpEngine dlp;
  private final GuardEngine guard;
  private final Function<String, Optional<GuardEngine>> guardPolicies;
  private final Classifier classifier = Classifier.createDefault();

  Inspector(DlpEngine dlp, GuardEngine guard,
      Function<String, Optional<GuardEngine>> guardPolicies) {
    this.dlp = requireNonNull(dlp, "dlp");
    this.guard = requireNonNull(guard, "guard");
    this.guardPolicies = requireNonNull(guardPolicies, "guardPolicies");
  }

  DlpEngine dlp() {
    return dlp;
  }

  /** Inspects and redacts a request's texts; a present reply means the request is blocked. */
  Optional<Reply.Full> request(Exchange ex, RouteConfig route, List<TextSlot> slots,
      PseudonymSession session) {
    PolicyConfig policy = route.policy();
    Redactor redactor = Redactor.create(policy.request());
    List<Finding> all = new ArrayList<>();
    boolean embeddings = ex.path.endsWith("/embeddings");
    for (TextSlot slot : slots) {
      String text = slot.text();
      if (text.isEmpty()) {
        continue;
      }
      TextSlot.Kind kind = embeddings && slot.kind() == TextSlot.Kind.PROMPT
          ? TextSlot.Kind.CONTEXT : slot.kind();
      if (policy.guard().enabled() && kind != TextSlot.Kind.CONTEXT) {
        Optional<Reply.Full> blocked = guard(ex, route, kind, text);
        if (blocked.isPresent()) {
          return blocked;
        }
      }
      Optional<Reply.Full> blocked = redact(ex, route, slot, text, redactor, session, all,
          "request");
      if (blocked.isPresent()) {
        return blocked;
      }
    }
    if (policy.maxLabel().isPresent() && !all.isEmpty()) {
      SensitivityLabel label = classifier.classify(all).label();
      if (label.compareTo(policy.maxLabel().get()) > 0) {
        ex.rule("data-boundary.max-label");
        return Optional.of(Errors.policy(ex, "data_boundary", "request blocked by rule "
            + "data-boundary.max-label: content labelled " + label.id() + " may not leave through "
            + "route " + route.name() + " (max " + policy.maxLabel().get().id() + ")"));
      }
    }
    return Optional.empty();
  }

  /** Inspects and redacts a complete response's texts, then restores pseudonyms. */
  Optional<Reply.Full> response(Exchange ex, RouteConfig route, List<TextSlot> slots,
      PseudonymSession session) {
    Redactor redactor = Redactor.create(route.policy().response());
    for (TextSlot slot : slots) {
      String text = slot.text();
      if (text.isEmpty()) {
        continue;
      }
      if (route.policy().guard().enabled()) {
        Optional<Reply.Full> blocked = guard(ex, route, TextSlot.Kind.OUTPUT, text);
        if (blocked.isPresent()) {
          return blocked;
        }
      }
      Optional<Reply.Full> blocked = redact(ex, route, slot, text, redactor, session,
          new ArrayList<>(), "response");
      if (blocked.isPresent()) {
        return blocked;
      }
      if (session.size() > 0) {
        slot.set(session.restore(slot.text()));
      }
    }
    return Optional.empty();
  }

  private Optional<Reply.Full> redact(Exchange ex, RouteConfig route, TextSlot slot, String text,
      Redactor redactor, PseudonymSession session, List<Finding> all, String side) {
    List<Finding> findings;
    RedactionResult result;
    try {
      findings = dlp.scan(text);
      result = findings.isEmpty() ? null : redactor.redact(text, findings, session);
    } catch (RuntimeException e) {
      return failure(ex, route, "dlp", side);
    }
    if (result == null) {
      return Optional.empty();
    }
    all.addAll(findings);
    findings.forEach(f -> ex.finding(f.type(), 1));
    if (result instanceof RedactionResult.Blocked b) {
      String types = String.join(", ", b.types());
      ex.rule("dlp." + side + ".block");
      return Optional.of(Errors.policy(ex, side.equals("request") ? "sensitive_data"
          : "response_blocked", side + " blocked by rule dlp." + side + ".block: it contains "
          + types + " (not allowed on route " + route.name() + ")"));
    }
    RedactionResult.Redacted r = (RedactionResult.Redacted) result;
    if (r.replaced() > 0) {
      slot.set(r.text());
      ex.rule("dlp." + side + ".redact");
      ex.redacted();
    }
    return Optional.empty();
  }

  private Optional<Reply.Full> guard(Exchange ex, RouteConfig route, TextSlot.Kind kind,
      String text) {
    PolicyConfig.GuardPolicy g = route.policy().guard();
    Verdict v;
    try {
      // A policy that vanished in a reload fails closed like any detector error.
      GuardEngine guard = g.policy().isEmpty() ? this.guard
          : guardPolicies.apply(g.policy().get()).orElseThrow(() -> new IllegalStateException(
              "guard policy " + g.policy().get() + " is not defined"));
      v = switch (kind) {
        case PROMPT -> guard.inspectPrompt(text);
        case RETRIEVED -> guard.inspectRetrieved(text);
        default -> guard.inspectResponse(text);
      };
      requireNonNull(v, "verdict");
    } catch (RuntimeException e) {
      return failure(ex, route, "guard", surface(kind));
    }
    if (v.tier() == Tier.FAIL_CLOSED) {
      return failure(ex, route, "guard", surface(kind));
    }
    Optional<Double> threshold = switch (kind) {
      case PROMPT -> g.promptThreshold();
      case RETRIEVED -> g.retrievedThreshold();
      default -> g.responseThreshold();
    };
    boolean block = threshold.map(t -> v.score() >= t).orElse(v.blocked());
    if (!block) {
      return Optional.empty();
    }
    String rule = "guard." + surface(kind);
    ex.rule(rule);
    String categories = v.categories().stream().map(Category::wireName)
        .collect(Collectors.joining(", "));
    String code = switch (kind) {
      case PROMPT -> "prompt_injection";
      case RETRIEVED -> "indirect_prompt_injection";
      default -> "response_blocked";
    };
    return Optional.of(Errors.policy(ex, code, (kind == TextSlot.Kind.OUTPUT ? "response" : "request")
        + " blocked by rule " + rule + (categories.isEmpty() ? "" : " (" + categories + ")")));
  }

  private static String surface(TextSlot.Kind kind) {
    return switch (kind) {
      case PROMPT -> "prompt";
      case RETRIEVED -> "retrieved";
      default -> "response";
    };
  }

  /** A detector failed: block, or (fail-open route) carry on and record that it happened. */
  Optional<Reply.Full> failure(Exchange ex, RouteConfig route, String detector, String side) {
    if (failsOpen(ex, route, detector)) {
      return Optional.empty();
    }
    return Optional.of(Errors.policy(ex, "detector_failure", side + " blocked: the " + detector
        + " detector failed and route " + route.name() + " fails closed"));
  }

  // Records the failed detector; true when the route lets the request on regardless.
  private static boolean failsOpen(Exchange ex, RouteConfig route, String detector) {
    ex.rule("detector-failure." + detector);
    if (route.policy().failOpen()) {
      ex.failedOpen = true;
    }
    return route.policy().failOpen();
  }

  /**
   * The detectors did not finish within the deadline: the route fails closed (or open, as
   * configured) as for a detector error, but the answer is 503 with {@code Retry-After}, since a
   * missed deadline means an overloaded gateway, not a verdict; clients back off and retry, and
   * nothing uninspected goes through.
   */
  Optional<Reply.Full> timeout(Exchange ex, RouteConfig route, String side) {
    if (failsOpen(ex, route, "timeout")) {
      return Optional.empty();
    }
    ex.decision = "blocked";
    ex.errorCode = "detector_timeout";
    return Optional.of(Errors.of(503, "rampart_unavailable", "detector_timeout", side
        + " not inspected within the detector deadline; route " + route.name()
        + " fails closed, retry shortly", Errors.protocol(ex)).withHeader("Retry-After", "1"));
  }

  /** The guard's response check on streamed text; a present reply means cut the stream. */
  Optional<Reply.Full> guardResponse(Exchange ex, RouteConfig route, String text) {
    return text.isEmpty() ? Optional.empty() : guard(ex, route, TextSlot.Kind.OUTPUT, text);
  }
}
