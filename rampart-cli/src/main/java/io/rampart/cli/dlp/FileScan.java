package io.rampart.cli.dlp;

import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.StreamFinding;
import io.rampart.dlp.StreamingScanner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Streams one file through the engine in bounded memory; binary files are skipped. Files are read
 * in 256 KiB blocks straight into Strings (the JDK's UTF-8 decoding into a compact String is one
 * vectorized pass for ASCII), cut at a UTF-8 sequence boundary; findings go to a sink as soon as
 * they are final, so nothing grows with the size of the file. Blocks stay under half a G1 region
 * of a small heap: 1 MiB blocks were humongous allocations and scanned a third slower.
 */
final class FileScan {
  static final int CHUNK = 1 << 18;
  static final int BLOCK = 1 << 18;
  private static final int SNIFF = 8192;

  private FileScan() {}

  /** Result of one file: findings, or a note why it was skipped. */
  record Result(Path path, List<StreamFinding> findings, Optional<String> note) {}

  static boolean looksBinary(byte[] head, int n) {
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        return true;
      }
    }
    return false;
  }

  /** Opens {@code path} as UTF-8 text (malformed bytes become U+FFFD), or empty when binary. */
  static Optional<Reader> open(Path path) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
    in.mark(SNIFF);
    byte[] head = new byte[SNIFF];
    int n = in.readNBytes(head, 0, SNIFF);
    in.reset();
    if (looksBinary(head, n)) {
      in.close();
      return Optional.empty();
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    return Optional.of(new InputStreamReader(in, dec));
  }

  /**
   * All findings of one file in a list (for reports that need them together); values are kept
   * only when {@code keepValues} (the list is then all a report holds per finding).
   */
  static Result scan(DlpEngine engine, Path path, boolean keepValues) {
    List<StreamFinding> out = new ArrayList<>();
    Optional<String> note = scan(engine, path, batch -> {
      for (StreamFinding f : batch) {
        out.add(keepValues ? f : new StreamFinding(f.type(), f.start(), f.end(),
            f.codePointStart(), f.codePointEnd(), f.confidence(), f.score(), f.detector(), ""));
      }
    });
    return new Result(path, note.isPresent() ? List.of() : out, note);
  }

  /**
   * Scans {@code path}, handing findings to {@code sink} in order as they become final; returns
   * a note when the file was skipped (binary, unreadable).
   */
  static Optional<String> scan(DlpEngine engine, Path path,
      Consumer<List<StreamFinding>> sink) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      StreamingScanner s = engine.streamingScanner();
      byte[] b = new byte[BLOCK + 4];
      ByteBuffer bb = ByteBuffer.wrap(b);
      int carry = 0;
      boolean first = true;
      while (true) {
        bb.limit(carry + BLOCK).position(carry);
        boolean eof = false;
        while (bb.hasRemaining()) {
          if (ch.read(bb) < 0) {
            eof = true;
            break;
          }
        }
        int len = bb.position();
        if (first) {
          if (looksBinary(b, Math.min(len, SNIFF))) {
            return Optional.of("skipped binary file");
          }
          first = false;
        }
        int cut = eof ? len : boundary(b, len);
        if (cut > 0) {
          List<StreamFinding> found = s.feed(new String(b, 0, cut, StandardCharsets.UTF_8));
          if (!found.isEmpty()) {
            sink.accept(found);
          }
        }
        carry = len - cut;
        System.arraycopy(b, cut, b, 0, carry);
        if (eof) {
          break;
        }
      }
      List<StreamFinding> rest = s.finish();
      if (!rest.isEmpty()) {
        sink.accept(rest);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of("unreadable: " + e.getMessage());
    }
  }

  /**
   * The end of the last complete UTF-8 sequence in {@code b[0, len)}: a block must not split a
   * character, or both halves would decode to U+FFFD.
   */
  static int boundary(byte[] b, int len) {
    for (int k = len - 1; k >= 0 && k >= len - 4; k--) {
      int x = b[k] & 0xFF;
      if ((x & 0xC0) != 0x80) {
        int need = x < 0x80 ? 1 : x >= 0xF0 ? 4 : x >= 0xE0 ? 3 : x >= 0xC0 ? 2 : 1;
        return k + need <= len ? len : k;
      }
    }
    return len; // only continuation bytes: malformed whichever way it is cut
  }
}
