package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Applies a {@link RedactionPolicy} to findings. Thread-safe; sessions are per conversation. */
public final class Redactor {
  private final RedactionPolicy policy;

  private Redactor(RedactionPolicy policy) {
    this.policy = policy;
  }

  public static Redactor create(RedactionPolicy policy) {
    return new Redactor(requireNonNull(policy, "policy"));
  }

  public RedactionPolicy policy() {
    return policy;
  }

  /** Redacts without a pseudonym session; a pseudonymize action gets a fresh throwaway one. */
  public RedactionResult redact(CharSequence text, List<Finding> findings) {
    return redact(text, findings, PseudonymSession.create(new java.util.Random()));
  }

  /** Redacts {@code findings} (from scanning exactly {@code text}) in {@code text}. */
  public RedactionResult redact(CharSequence text, List<Finding> findings, PseudonymSession session) {
    requireNonNull(text, "text");
    requireNonNull(findings, "findings");
    requireNonNull(session, "session");
    Set<String> blocked = blockedTypes(findings);
    if (!blocked.isEmpty()) {
      return new RedactionResult.Blocked(blocked);
    }
    StringBuilder out = new StringBuilder(text.length());
    int cursor = 0;
    int n = 0;
    for (Finding f : findings) {
      if (f.start() < cursor) {
        continue;
      }
      out.append(text, cursor, f.start());
      out.append(replacement(f.type(), text.subSequence(f.start(), f.end()).toString(), session));
      cursor = f.end();
      n++;
    }
    out.append(text, cursor, text.length());
    return new RedactionResult.Redacted(out.toString(), n);
  }

  Set<String> blockedTypes(List<Finding> findings) {
    Set<String> blocked = new TreeSet<>();
    for (Finding f : findings) {
      if (policy.actionFor(f.type()) instanceof RedactionAction.Block) {
        blocked.add(f.type());
      }
    }
    return blocked;
  }

  String replacement(String type, String value, PseudonymSession session) {
    return switch (policy.actionFor(type)) {
      case RedactionAction.Mask m -> mask(value, m.keep());
      case RedactionAction.Replace r -> "<" + type + ">";
      case RedactionAction.Hash h -> "<" + type + ":" + hmac(type, value) + ">";
      case RedactionAction.Pseudonymize p -> session.tokenFor(type, value);
      case RedactionAction.Block b -> "<" + type + ">";
    };
  }

  private static String mask(String value, int keep) {
    char[] c = value.toCharArray();
    int kept = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      if (Character.isLetterOrDigit(c[i])) {
        if (kept < keep && c.length > 2 * keep) {
          kept++;
        } else {
          c[i] = '*';
        }
      }
    }
    return new String(c);
  }

  private String hmac(String type, String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(
          policy.hmacKey().reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(type.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      byte[] d = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new DlpException("hmac: HmacSHA256 unavailable (expected: a standard JDK)", e);
    }
  }

  /** A redactor for one chunked stream, e.g. the SSE deltas of a model response. */
  public StreamingRedactor streaming(DlpEngine engine, PseudonymSession session) {
    requireNonNull(engine, "engine");
    requireNonNull(session, "session");
    if (!(engine.streamingScanner() instanceof DefaultStreamingScanner scanner)) {
      throw new DlpException("engine: " + engine.getClass().getName()
          + " (expected: an engine from DlpEngine.create)");
    }
    return new StreamingRedactor(this, scanner, session);
  }
}
