package io.rampart.cli;

import io.rampart.core.auth.ApiToken;
import io.rampart.core.auth.IssuedToken;
import io.rampart.core.auth.Role;
import io.rampart.core.auth.TokenTtl;
import io.rampart.core.auth.TokenEvents;
import io.rampart.server.app.Services;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rampart token create|list|revoke}: manages API tokens directly in the configured
 * storage (works while the server runs), for bootstrap and recovery; day-to-day management can
 * also go through {@code /api/tokens}.
 */
@Command(
    name = "token",
    mixinStandardHelpOptions = true,
    description = "Create, list and revoke API tokens in the configured storage.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Services open(CommandLine.Model.CommandSpec spec) {
    return Services.open(RampartCommand.root(spec).loadConfig(), Clock.systemUTC());
  }

  /** {@code rampart token create --name NAME --role ROLE [--ttl 30d]}. */
  @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a token; prints it once.")
  static final class Create implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Who or what uses it.")
    String name = "";

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, analyst, viewer or auditor")
    String role = "";

    @Option(names = "--ttl", paramLabel = "DURATION", description = "Lifetime such as 30d, 12h (default: no expiry).")
    @Nullable String ttl;

    @Override
    public Integer call() {
      Role r = Role.parse(role);
      try (Services services = open(spec)) {
        IssuedToken issued =
            ttl == null
                ? services.tokens().create(name, r)
                : services.tokens().create(name, r, TokenTtl.parse(ttl));
        services.eventLog().append(TokenEvents.created("cli", issued.token()).build());
        PrintWriter out = spec.commandLine().getOut();
        out.println(issued.bearer().reveal());
        out.flush();
        spec.commandLine().getErr().println(
            "Created token " + issued.token().id() + " (" + r.id() + "); it is shown only once.");
        return 0;
      }
    }
  }

  /** {@code rampart token list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their values).")
  static final class ListTokens implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Services services = open(spec)) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-16s %-8s %-9s %-22s %s%n", "ID", "ROLE", "STATE", "CREATED", "NAME");
        var now = services.clock().instant();
        for (ApiToken t : services.tokens().list()) {
          String state = t.revoked().isPresent() ? "revoked" : t.activeAt(now) ? "active" : "expired";
          out.printf("%-16s %-8s %-9s %-22s %s%n", t.id(), t.role().id(), state,
              t.created().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), t.name());
        }
        out.flush();
        return 0;
      }
    }
  }

  /** {@code rampart token revoke ID}. */
  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by ID.")
  static final class Revoke implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID")
    String id = "";

    @Override
    public Integer call() {
      try (Services services = open(spec)) {
        var token = services.tokens().find(id);
        if (token.isEmpty()) {
          spec.commandLine().getErr().println("rampart: token: " + id + " (expected: an ID from 'rampart token list')");
          return RampartCommand.EXIT_FAILURE;
        }
        if (token.get().revoked().isEmpty() && services.tokens().revoke(id)) {
          services.eventLog().append(TokenEvents.revoked("cli", token.get()).build());
        }
        spec.commandLine().getOut().println("Revoked " + id);
        return 0;
      }
    }
  }

}
