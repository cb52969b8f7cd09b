package io.rampart.cli.dlp;

import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.StreamFinding;
import io.rampart.dlp.StreamingScanner;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Streams one file through the engine in bounded memory; binary files are skipped. */
final class FileScan {
  static final int CHUNK = 1 << 18;
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

  static Result scan(DlpEngine engine, Path path) {
    try {
      Optional<Reader> reader = open(path);
      if (reader.isEmpty()) {
        return new Result(path, List.of(), Optional.of("skipped binary file"));
      }
      List<StreamFinding> out = new ArrayList<>();
      try (Reader r = reader.get()) {
        feed(engine.streamingScanner(), r, out::addAll);
      }
      return new Result(path, out, Optional.empty());
    } catch (IOException e) {
      return new Result(path, List.of(), Optional.of("unreadable: " + e.getMessage()));
    }
  }

  static void feed(StreamingScanner s, Reader r, Consumer<List<StreamFinding>> sink)
      throws IOException {
    char[] buf = new char[CHUNK];
    for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
      if (n > 0) {
        sink.accept(s.feed(java.nio.CharBuffer.wrap(buf, 0, n)));
      }
    }
    sink.accept(s.finish());
  }
}
