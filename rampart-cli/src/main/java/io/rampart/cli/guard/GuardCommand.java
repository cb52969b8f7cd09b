package io.rampart.cli.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rampart.guard.EvalReport;
import io.rampart.guard.GuardBatch;
import io.rampart.guard.GuardConfig;
import io.rampart.guard.GuardEngine;
import io.rampart.guard.GuardException;
import io.rampart.guard.GuardTrainer;
import io.rampart.guard.Sample;
import io.rampart.guard.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rampart guard}: the prompt-injection and jailbreak detector on the command line. */
@Command(
    name = "guard",
    mixinStandardHelpOptions = true,
    description = "Detect prompt injection, jailbreaks, prompt extraction and poisoned MCP tools.",
    subcommands = {
      GuardCommand.Scan.class,
      GuardCommand.Eval.class,
      GuardCommand.Train.class,
      GuardCommand.CheckTools.class
    })
public final class GuardCommand implements Runnable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public GuardCommand() {}

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Options shared by the commands that build an engine. */
  static final class EngineOptions {
    @Option(names = "--policy", paramLabel = "FILE",
        description = "Guard policy YAML (kebab-case keys: prompt-threshold, allow-patterns, disabled-rules, ...).")
    @Nullable Path policy;

    @Option(names = "--model", paramLabel = "HEAD", description = "Classifier head JSON (default: the bundled one).")
    @Nullable Path head;

    @Option(names = "--threshold", paramLabel = "P", description = "Block threshold (overrides the policy's).")
    @Nullable Double threshold;

    @Option(names = "--fast-only", description = "Skip the model tier (unsure inputs are scored by the fast tier).")
    boolean fastOnly;

    GuardEngine engine() {
      ObjectNode tree = JSON.createObjectNode();
      if (policy != null) {
        try {
          JsonNode read = YAML.readTree(Files.readString(policy));
          if (read instanceof ObjectNode o) {
            tree = o;
          } else if (read != null && !read.isMissingNode() && !read.isNull()) {
            throw new GuardException("policy: " + policy + " (expected: a YAML mapping of guard keys)");
          }
        } catch (IOException e) {
          throw new GuardException("policy: " + policy + " unreadable (expected: a YAML file)", e);
        }
      }
      if (threshold != null) {
        tree.put("prompt-threshold", threshold).put("retrieved-threshold", threshold);
      }
      if (head != null) {
        tree.put("head", head.toString());
      }
      if (fastOnly) {
        tree.put("model", "disabled");
      }
      return GuardEngine.create(GuardConfig.fromTree(tree));
    }
  }

  /** {@code rampart guard scan}. */
  @Command(name = "scan", mixinStandardHelpOptions = true,
      description = "Score JSON Lines prompts ({\"id\", \"text\"} per line); one verdict line per input.")
  static final class Scan implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin EngineOptions engine = new EngineOptions();

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or text")
    String format = "jsonl";

    @Parameters(paramLabel = "FILE", description = "JSON Lines input")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      GuardBatch.create(engine.engine()).scan(Sample.readJsonl(file), out, GuardBatch.Format.parse(format));
      out.flush();
      return 0;
    }
  }

  /** {@code rampart guard eval}. */
  @Command(name = "eval", mixinStandardHelpOptions = true,
      description = "Precision, recall, F1, FPR, ROC AUC, recall at 1% FPR and latency over labeled JSON Lines.")
  static final class Eval implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin EngineOptions engine = new EngineOptions();

    @Option(names = "--source", paramLabel = "NAME", split = ",",
        description = "Only samples whose source is one of these (for by-source evaluation).")
    List<String> sources = new ArrayList<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Labeled JSON Lines ({\"text\", \"label\": 0|1})")
    List<Path> files;

    @Override
    public Integer call() {
      List<Sample> samples = new ArrayList<>();
      for (Path f : files) {
        samples.addAll(Sample.readJsonl(f));
      }
      if (!sources.isEmpty()) {
        samples = samples.stream().filter(s -> sources.contains(s.source())).toList();
      }
      EvalReport r = GuardBatch.create(engine.engine()).evaluate(samples);
      spec.commandLine().getOut().print(r.toText());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code rampart guard train}. */
  @Command(name = "train", mixinStandardHelpOptions = true,
      description = "Train the classifier head on labeled JSON Lines; records data hashes and this command in the output.")
  static final class Train implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", required = true, arity = "1..*", description = "Labeled JSON Lines")
    List<Path> data;

    @Option(names = "--exclude-source", paramLabel = "NAME", split = ",", description = "Leave these sources out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Where to write the head JSON")
    Path out;

    @Override
    public Integer call() {
      StringBuilder cmd = new StringBuilder("rampart guard train");
      data.forEach(d -> cmd.append(" --data ").append(d.getFileName()));
      if (!exclude.isEmpty()) {
        cmd.append(" --exclude-source ").append(String.join(",", exclude));
      }
      cmd.append(" --out ").append(out.getFileName());
      PrintWriter err = spec.commandLine().getErr();
      GuardTrainer.Result r =
          GuardTrainer.create(GuardConfig.defaults())
              .train(new GuardTrainer.Options(data, Set.copyOf(exclude), out, cmd.toString(), Clock.systemUTC()),
                  msg -> {
                    err.println(msg);
                    err.flush();
                  });
      spec.commandLine().getOut().printf("trained on %d samples (%d attacks): train recall %.4f, train FPR %.4f -> %s%n",
          r.samples(), r.positives(), r.trainRecall(), r.trainFpr(), out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /** {@code rampart guard check-tools}. */
  @Command(name = "check-tools", mixinStandardHelpOptions = true,
      description = "Check an MCP tools/list result for tool poisoning; exit 1 when it would be blocked.")
  static final class CheckTools implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "JSON: a tools/list result, its result object or the tools array")
    Path file;

    @Override
    public Integer call() {
      JsonNode tree;
      try {
        tree = new ObjectMapper().readTree(Files.readString(file));
      } catch (IOException e) {
        throw new GuardException("file: " + file + " unreadable (expected: a JSON file)", e);
      }
      Verdict v = GuardEngine.create(GuardConfig.builder().model(GuardConfig.ModelMode.DISABLED).build()).inspectTools(tree);
      spec.commandLine().getOut().println(GuardBatch.json(file.getFileName().toString(), v));
      spec.commandLine().getOut().flush();
      return v.blocked() ? 1 : 0;
    }
  }
}
