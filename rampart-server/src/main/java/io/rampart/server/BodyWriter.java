package io.rampart.server;

import java.io.OutputStream;

/**
 * Writes a streamed response body. Implementations wrap I/O failures in {@link
 * java.io.UncheckedIOException}; a failure after the first bytes aborts the response.
 */
@FunctionalInterface
public interface BodyWriter {
  void writeTo(OutputStream out);
}
