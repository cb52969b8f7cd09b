package io.rampart.discovery;

import java.nio.file.Path;

/** Turns paths into the stable, forward-slash form used in IDs and reports. */
final class Relativizer {
  private final Path base;

  Relativizer(Path base) {
    this.base = base.toAbsolutePath().normalize();
  }

  String of(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path r;
    try {
      r = base.relativize(abs); // "../x" for inputs beside the working directory
    } catch (IllegalArgumentException e) {
      r = abs; // another drive or file system
    }
    String s = r.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
