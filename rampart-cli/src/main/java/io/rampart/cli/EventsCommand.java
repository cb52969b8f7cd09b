package io.rampart.cli;

import io.rampart.core.config.Durations;
import io.rampart.core.event.Event;
import io.rampart.core.event.EventExport;
import io.rampart.core.event.EventPage;
import io.rampart.core.event.EventQuery;
import io.rampart.core.event.ExportFormat;
import io.rampart.core.event.Severity;
import io.rampart.server.app.Services;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rampart events list|export}: reads the event log in the configured storage. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = "Query and export the security event log.",
    subcommands = {EventsCommand.ListEvents.class, EventsCommand.Export.class})
final class EventsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Filters shared by list and export. */
  static final class Filters {
    @Option(names = "--type", paramLabel = "TYPE", description = "Event type, repeatable (e.g. gateway.request).")
    List<String> types = new ArrayList<>();

    @Option(names = "--severity", paramLabel = "SEVERITY", description = "Exact severity, repeatable.")
    List<String> severities = new ArrayList<>();

    @Option(names = "--min-severity", paramLabel = "SEVERITY", description = "At least this severity.")
    @Nullable String minSeverity;

    @Option(names = "--principal", paramLabel = "NAME")
    @Nullable String principal;

    @Option(names = "--since", paramLabel = "DURATION", description = "Only the last DURATION, e.g. 24h, 7d.")
    @Nullable String since;

    @Option(names = "--from", paramLabel = "TIME", description = "ISO-8601 instant, inclusive.")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "TIME", description = "ISO-8601 instant, exclusive.")
    @Nullable String to;

    EventQuery.Builder toQuery(Clock clock) {
      EventQuery.Builder q = EventQuery.builder();
      types.forEach(q::type);
      severities.forEach(s -> q.severity(Severity.parse(s)));
      if (minSeverity != null) {
        q.minSeverity(Severity.parse(minSeverity));
      }
      if (principal != null) {
        q.principal(principal);
      }
      if (since != null && from != null) {
        throw new IllegalArgumentException("since: " + since + " (expected: either --since or --from, not both)");
      }
      if (since != null) {
        q.from(clock.instant().minus(Durations.parse("since", since)));
      }
      if (from != null) {
        q.from(instant("from", from));
      }
      if (to != null) {
        q.to(instant("to", to));
      }
      return q;
    }

    private static Instant instant(String option, String text) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            option + ": " + text + " (expected: an ISO-8601 instant such as 2026-11-25T10:00:00Z)");
      }
    }
  }

  /** {@code rampart events list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List events, newest first.")
  static final class ListEvents implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin Filters filters = new Filters();

    @Option(names = "--limit", paramLabel = "N", description = "At most N events (default 50, max 1000).")
    int limit = 50;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or jsonl")
    String format = "text";

    @Override
    public Integer call() throws IOException {
      String f = Formats.of(format, "text", "jsonl");
      try (Services services = TokenCommand.open(spec)) {
        EventPage page = services.eventLog().query(filters.toQuery(services.clock()).limit(limit).build());
        PrintWriter out = spec.commandLine().getOut();
        if (f.equals("jsonl")) {
          try (EventExport export = EventExport.create(ExportFormat.JSON_LINES, out)) {
            page.events().forEach(export::write);
          }
        } else {
          for (Event e : page.events()) {
            out.printf("%s  %-8s %-22s %-9s %-16s %s%n",
                e.time().truncatedTo(ChronoUnit.MILLIS), e.severity().id(), e.type(), e.outcome().id(),
                e.principal().isEmpty() ? "-" : e.principal(), e.asset().isEmpty() ? "" : e.asset());
          }
          if (page.nextCursor().isPresent()) {
            out.println("(more: raise --limit or narrow the filters)");
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  /** {@code rampart events export --format jsonl|ocsf [--out FILE]}. */
  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export all matching events as JSON Lines or OCSF, newest first.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin Filters filters = new Filters();

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or ocsf")
    String format = "jsonl";

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    @Nullable Path outFile;

    @Override
    public Integer call() throws IOException {
      ExportFormat f = ExportFormat.parse(format);
      try (Services services = TokenCommand.open(spec)) {
        EventQuery query = filters.toQuery(services.clock()).build();
        long count;
        if (outFile == null) {
          PrintWriter out = spec.commandLine().getOut();
          try (EventExport export = EventExport.create(f, out)) {
            services.eventLog().forEach(query, export::write);
            count = export.count();
          }
          out.flush();
        } else {
          try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(outFile));
              EventExport export = EventExport.create(f, os)) {
            services.eventLog().forEach(query, export::write);
            count = export.count();
          }
        }
        spec.commandLine().getErr().println("Exported " + count + " events (" + f.id() + ").");
        return 0;
      }
    }
  }
}
