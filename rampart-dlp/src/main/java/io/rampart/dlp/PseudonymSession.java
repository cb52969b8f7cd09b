package io.rampart.dlp;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Reversible tokens for one conversation: the same value always gets the same token, so a model
 * can reason about "<PERSON_1>" and its answer can be restored for the caller. The token carries
 * a random per-session tag so text cannot forge another session's tokens. Holds the original
 * values in memory: keep a session only as long as the exchange it protects. Not thread-safe.
 */
public final class PseudonymSession {
  static final int MAX_TOKEN = 48;

  private final String tag;
  private final Map<String, String> byValue = new HashMap<>();
  private final Map<String, String> byToken = new HashMap<>();
  private final Map<String, Integer> counters = new HashMap<>();

  private PseudonymSession(String tag) {
    this.tag = tag;
  }

  /** A session whose tag comes from {@code random}. */
  public static PseudonymSession create(RandomGenerator random) {
    requireNonNull(random, "random");
    return new PseudonymSession(String.format("%04x", random.nextInt(0x10000)));
  }

  /** The token for {@code value} of {@code type}, allocating one on first use. */
  public String tokenFor(String type, String value) {
    return byValue.computeIfAbsent(type + '\u0000' + value, k -> {
      int n = counters.merge(type, 1, Integer::sum);
      String token = "<" + type + "_" + tag + "_" + n + ">";
      byToken.put(token, value);
      return token;
    });
  }

  /** {@code text} with every token of this session replaced by its original value. */
  public String restore(CharSequence text) {
    String s = text.toString();
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      int lt = s.indexOf('<', i);
      if (lt < 0) {
        break;
      }
      int gt = s.indexOf('>', lt);
      String original = gt > 0 && gt - lt < MAX_TOKEN ? byToken.get(s.substring(lt, gt + 1)) : null;
      if (original != null) {
        out.append(s, i, lt).append(original);
        i = gt + 1;
      } else {
        out.append(s, i, lt + 1);
        i = lt + 1;
      }
    }
    return out.append(s, i, s.length()).toString();
  }

  /** A restorer for a response that arrives in chunks; tokens may be split across chunks. */
  public Restorer restorer() {
    return new Restorer();
  }

  public int size() {
    return byToken.size();
  }

  @Override
  public String toString() {
    return "PseudonymSession[tokens=" + byToken.size() + "]";
  }

  /** Restores tokens in a chunked stream, holding back only a possible partial token. */
  public final class Restorer {
    private final StringBuilder pending = new StringBuilder();

    private Restorer() {}

    /** Restored text that is safe to emit now. */
    public String feed(CharSequence chunk) {
      pending.append(chunk);
      int lt = pending.lastIndexOf("<");
      int cut = pending.length();
      if (lt >= 0 && pending.indexOf(">", lt) < 0 && pending.length() - lt < MAX_TOKEN) {
        cut = lt;
      }
      String ready = restore(pending.substring(0, cut));
      pending.delete(0, cut);
      return ready;
    }

    /** The rest of the stream. */
    public String finish() {
      String rest = restore(pending);
      pending.setLength(0);
      return rest;
    }
  }
}
