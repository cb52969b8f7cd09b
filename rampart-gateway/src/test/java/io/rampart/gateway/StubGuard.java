package io.rampart.gateway;

import io.rampart.guard.Category;
import io.rampart.guard.Decision;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.Tier;
import io.rampart.guard.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A guard that blocks texts containing "ignore previous instructions" (score 0.95) and scores
 * texts containing "maybe" at 0.6 without blocking; it can be told to throw, hang or fail closed.
 * {@link #engine} is a proxy, so methods the guard module adds later do not break the tests.
 */
final class StubGuard {
  /** This stub as a {@link GuardEngine}. */
  GuardEngine engine() {
    return (GuardEngine) java.lang.reflect.Proxy.newProxyInstance(
        GuardEngine.class.getClassLoader(), new Class<?>[] {GuardEngine.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "inspectPrompt" -> inspectPrompt((String) args[0]);
          case "inspectRetrieved" -> inspectRetrieved((String) args[0]);
          case "inspectResponse" -> inspectResponse((String) args[0]);
          case "toString" -> "StubGuard";
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> method.getReturnType() == boolean.class ? Boolean.TRUE
              : unsupported(method.getName());
        });
  }

  private static Object unsupported(String name) {
    throw new UnsupportedOperationException(name);
  }
  volatile boolean throwing;
  volatile boolean failClosed;
  /** When set, every inspection waits on it (a detector that hangs). */
  volatile java.util.concurrent.@org.jspecify.annotations.Nullable CountDownLatch hang;

  Verdict inspectPrompt(String text) {
    return verdict(text, Category.JAILBREAK);
  }

  Verdict inspectRetrieved(String text) {
    return verdict(text, Category.INDIRECT_INJECTION);
  }

  Verdict inspectResponse(String text) {
    return verdict(text, Category.OUTPUT_EXFILTRATION);
  }

  private Verdict verdict(String text, Category category) {
    java.util.concurrent.CountDownLatch h = hang;
    if (h != null) {
      try {
        h.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("guard: interrupted");
      }
    }
    if (throwing) {
      throw new IllegalStateException("guard: model crashed");
    }
    if (failClosed) {
      return new Verdict(1, Decision.BLOCK, List.of(Category.DETECTOR_FAILURE), List.of(),
          Tier.FAIL_CLOSED, Duration.ZERO, Optional.of("model unavailable"));
    }
    String t = text.toLowerCase(java.util.Locale.ROOT);
    if (t.contains("ignore previous instructions")) {
      return new Verdict(0.95, Decision.BLOCK, List.of(category), List.of(), Tier.FAST,
          Duration.ZERO, Optional.empty());
    }
    double score = t.contains("maybe") ? 0.6 : 0.01;
    return new Verdict(score, Decision.ALLOW, List.of(), List.of(), Tier.FAST, Duration.ZERO,
        Optional.empty());
  }
}
