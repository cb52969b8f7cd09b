package io.rampart.discovery;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;

/** One-line descriptions of why a file could not be read; never includes file content. */
final class FileErrors {
  private FileErrors() {}

  static String describe(Throwable e) {
    return switch (e) {
      case FileSystemLoopException x -> "symlink loop (expected: links that do not cycle)";
      case AccessDeniedException x -> "cannot read: permission denied";
      case NoSuchFileException x -> "cannot read: no such file";
      case java.nio.charset.MalformedInputException x ->
          "cannot read: not UTF-8 text (expected: a UTF-8 text file)";
      case java.io.IOException x -> "cannot read: " + x.getClass().getSimpleName();
      default -> "failed: " + e.getClass().getSimpleName()
          + " (expected: a readable file; this is a bug if the file is valid)";
    };
  }
}
