package io.rampart.discovery;

import static java.util.Objects.requireNonNull;

import io.rampart.dlp.DlpEngine;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Builds an {@link Inventory} from files: Azure exports (Resource Graph, {@code az resource
 * list}, ARM), Terraform ({@code .tf} and plan JSON), Kubernetes manifests and code repositories.
 * A file that cannot be read or parsed becomes a {@link ScanError}; the rest of the scan goes
 * on. Thread-safe; each scan is independent.
 */
public interface Discovery {
  /** Discovery with the default DLP engine for credential detection. */
  static Discovery create(Clock clock) {
    return create(clock, DlpEngine.create());
  }

  static Discovery create(Clock clock, DlpEngine dlp) {
    return new DefaultDiscovery(requireNonNull(clock, "clock"), requireNonNull(dlp, "dlp"),
        Path.of(""));
  }

  /**
   * Scans files and directories (recursively). {@code only} restricts the scan to one source;
   * empty detects each file's source from its name and content. Paths in IDs and locations are
   * relative to the working directory.
   */
  Inventory scan(List<Path> paths, Optional<SourceKind> only);
}
