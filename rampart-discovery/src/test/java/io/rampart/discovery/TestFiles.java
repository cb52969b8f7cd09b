package io.rampart.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Writes fixture trees and runs discovery over them. */
final class TestFiles {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final Discovery DISCOVERY = new DefaultDiscovery(CLOCK,
      io.rampart.dlp.DlpEngine.create(), Path.of("/"));

  private TestFiles() {}

  static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Inventory scan(Path... paths) {
    return DISCOVERY.scan(List.of(paths), Optional.empty());
  }

  static Asset only(Inventory inv, AssetKind kind) {
    List<Asset> l = inv.assets().stream().filter(a -> a.kind() == kind).toList();
    if (l.size() != 1) {
      throw new AssertionError("expected one " + kind + " but got " + l + " errors "
          + inv.errors());
    }
    return l.getFirst();
  }
}
