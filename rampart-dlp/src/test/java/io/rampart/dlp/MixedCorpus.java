package io.rampart.dlp;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Deterministic generator of ordinary mixed traffic: prose, source code, logs and JSON rows, with
 * about 2% of lines carrying a sensitive value (Luhn-valid card, IBAN, e-mail, phone, IP, keyed
 * secret) and some non-ASCII text. Used by the benchmarks and by the bounded-memory stream test;
 * it writes nothing to disk.
 */
public final class MixedCorpus {
  private static final String[] PROSE = {
    "The model was retrained on the cleaned dataset and evaluation loss dropped by four percent. ",
    "Reviewers asked for more ablations before the paper goes out, especially on long contexts. ",
    "Le modèle a été réentraîné sur les données nettoyées ; la perte a baissé de quatre pour cent. ",
    "Please summarize the attached meeting notes and list the open action items by owner.\n",
    "会议记录已经上传，请在周五之前完成审阅。 The rollout is scheduled for next week.\n",
  };
  private static final String[] CODE = {
    "def tokenize(text: str) -> list[str]:\n    return [t for t in text.split() if t]\n\n",
    "for (int i = 0; i < items.size(); i++) { total += items.get(i).price(); }\n",
    "const client = new HttpClient({ baseUrl: process.env.API_URL, timeoutMs: 3000 });\n",
  };

  private MixedCorpus() {}

  /** One line of traffic. */
  public static String line(Random r) {
    double k = r.nextDouble();
    if (k < 0.02) {
      return sensitive(r);
    } else if (k < 0.45) {
      return PROSE[r.nextInt(PROSE.length)];
    } else if (k < 0.7) {
      return CODE[r.nextInt(CODE.length)];
    } else if (k < 0.9) {
      return String.format("2025-06-01T12:00:%02dZ INFO request_id=%016x route=/v1/chat status=200"
          + " latency_ms=%d%n", r.nextInt(60), r.nextLong(), 5 + r.nextInt(900));
    }
    return String.format("{\"event\": \"completion\", \"tokens\": %d, \"model\": \"gpt-4o-mini\","
        + " \"user\": \"u%d\"}%n", 1 + r.nextInt(4000), r.nextInt(1_000_000));
  }

  private static String sensitive(Random r) {
    return switch (r.nextInt(6)) {
      case 0 -> "Please charge card " + card(r) + " for the renewal.\n";
      case 1 -> "Wire the refund to IBAN " + iban(r) + " today.\n";
      case 2 -> "Contact me at user" + r.nextInt(100_000) + "@example.org about the invoice.\n";
      case 3 -> "Call me on +44 20 7946 " + (1000 + r.nextInt(9000)) + " after lunch.\n";
      case 4 -> "upstream host 10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256)
          + " refused the connection\n";
      default -> "DB_PASSWORD=" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36) + "Zq9!\n";
    };
  }

  /** A Luhn-valid 16-digit Visa-style number in groups of four. */
  static String card(Random r) {
    int[] d = new int[16];
    d[0] = 4;
    for (int i = 1; i < 15; i++) {
      d[i] = r.nextInt(10);
    }
    int sum = 0;
    for (int i = 14, pos = 0; i >= 0; i--, pos++) {
      int v = d[i];
      if (pos % 2 == 0) {
        v *= 2;
        v -= v > 9 ? 9 : 0;
      }
      sum += v;
    }
    d[15] = (10 - sum % 10) % 10;
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append(' ');
      }
      b.append(d[i]);
    }
    return b.toString();
  }

  /** A German IBAN with valid check digits, grouped by four. */
  static String iban(Random r) {
    StringBuilder bban = new StringBuilder();
    for (int i = 0; i < 18; i++) {
      bban.append(r.nextInt(10));
    }
    // check digits: 98 - (BBAN + "DE00" with letters as numbers) mod 97
    String numeric = bban + "131400";
    int mod = 0;
    for (int i = 0; i < numeric.length(); i++) {
      mod = (mod * 10 + numeric.charAt(i) - '0') % 97;
    }
    String raw = String.format("DE%02d%s", 98 - mod, bban);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < raw.length(); i++) {
      if (i > 0 && i % 4 == 0) {
        b.append(' ');
      }
      b.append(raw.charAt(i));
    }
    return b.toString();
  }

  /** At least {@code chars} chars of traffic. */
  public static String text(long seed, int chars) {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(chars + 256);
    while (b.length() < chars) {
      b.append(line(r));
    }
    return b.toString();
  }

  /** UTF-8 traffic of exactly {@code bytes} bytes, produced on the fly: nothing is stored. */
  public static InputStream stream(long seed, long bytes) {
    return new InputStream() {
      private final Random r = new Random(seed);
      private byte[] cur = new byte[0];
      private int pos;
      private long left = bytes;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        if (pos == cur.length) {
          cur = line(r).getBytes(StandardCharsets.UTF_8);
          pos = 0;
        }
        int n = (int) Math.min(Math.min(len, cur.length - pos), left);
        System.arraycopy(cur, pos, b, off, n);
        pos += n;
        left -= n;
        return n;
      }
    };
  }
}
