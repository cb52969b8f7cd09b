package io.rampart.cli.dlp;

import io.rampart.core.Secret;
import io.rampart.dlp.DlpEngine;
import io.rampart.dlp.PseudonymSession;
import io.rampart.dlp.RedactionAction;
import io.rampart.dlp.RedactionPolicy;
import io.rampart.dlp.RedactionResult;
import io.rampart.dlp.Redactor;
import io.rampart.dlp.StreamingRedactor;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rampart dlp redact}: writes the file with sensitive values replaced. */
@Command(name = "redact", mixinStandardHelpOptions = true,
    description = "Write FILE to stdout with findings redacted. Exit 1 when a block action fires.")
final class RedactCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin EngineOptions engineOptions = new EngineOptions();

  @Option(names = "--action", paramLabel = "[TYPE=]ACTION",
      description = "mask|replace|hash|pseudonymize|block, for all types or TYPE=ACTION"
          + " (repeatable; default: replace).")
  List<String> actions = new ArrayList<>();

  @Option(names = "--hmac-key-env", paramLabel = "VAR",
      description = "Environment variable holding the key for the hash action.")
  Optional<String> hmacKeyEnv = Optional.empty();

  @Parameters(paramLabel = "FILE") Path file;

  @Override
  public Integer call() throws Exception {
    // the configuration's redaction policy, then the command line's actions on top of it
    RedactionPolicy configured = engineOptions.settings().redaction();
    RedactionPolicy.Builder policy = RedactionPolicy.builder()
        .defaultAction(configured.defaultAction())
        .hmacKey(configured.hmacKey());
    configured.actions().forEach(policy::action);
    for (String a : actions) {
      int eq = a.indexOf('=');
      try {
        if (eq < 0) {
          policy.defaultAction(RedactionAction.parse(a));
        } else {
          policy.action(a.substring(0, eq), RedactionAction.parse(a.substring(eq + 1)));
        }
      } catch (RuntimeException e) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    hmacKeyEnv.ifPresent(v -> policy.hmacKey(Secret.of(Optional.ofNullable(System.getenv(v))
        .orElse(""))));
    DlpEngine engine = engineOptions.engine();
    StreamingRedactor redactor = Redactor.create(policy.build())
        .streaming(engine, PseudonymSession.create(new SecureRandom()));
    PrintWriter out = spec.commandLine().getOut();
    Optional<Reader> reader = FileScan.open(file);
    if (reader.isEmpty()) {
      spec.commandLine().getErr().println("note: " + file + ": skipped binary file");
      return 0;
    }
    try (Reader r = reader.get()) {
      char[] buf = new char[FileScan.CHUNK];
      for (int n = r.read(buf); n >= 0; n = r.read(buf)) {
        if (!write(out, redactor.feed(new String(buf, 0, n)))) {
          return 1;
        }
      }
    }
    boolean ok = write(out, redactor.finish());
    out.flush();
    return ok ? 0 : 1;
  }

  private boolean write(PrintWriter out, RedactionResult r) {
    return switch (r) {
      case RedactionResult.Redacted red -> {
        out.print(red.text());
        yield true;
      }
      case RedactionResult.Blocked b -> {
        out.flush();
        spec.commandLine().getErr().println("blocked: " + file + " contains " + b.types());
        yield false;
      }
    };
  }
}
