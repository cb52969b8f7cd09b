package io.rampart.cli;

import io.rampart.core.config.RampartConfig;
import io.rampart.core.config.ServerConfig;
import io.rampart.server.app.RampartApp;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rampart serve}: runs the API (and, as they land, gateways and schedulers). */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Start the Rampart server with the given configuration.")
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", description = "API port (overrides server.port).")
  @Nullable Integer port;

  @Override
  public Integer call() throws InterruptedException {
    RampartCommand root = RampartCommand.root(spec);
    RampartConfig config = root.loadConfig();
    if (port != null) {
      config = config.withServer(new ServerConfig(config.server().host(), port));
    }
    PrintWriter out = spec.commandLine().getOut();
    RampartApp app =
        RampartApp.start(config, root.env(), Clock.systemUTC(), root.configFile().orElse(null));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                },
                "rampart-shutdown"));
    out.println("Rampart API:  " + app.apiUrl());
    app.gatewayUrl().ifPresent(gw -> out.println("Gateway:      " + gw));
    app.mcpGatewayUrl().ifPresent(mcp -> out.println("MCP gateway:  " + mcp));
    out.println("Data:         " + describeStorage(config));
    root.configFile().ifPresent(f -> out.println("Config:       " + f + " (changes apply without a restart)"));
    app.newAdminToken()
        .ifPresent(
            t -> {
              out.println("Admin token:  " + t.reveal());
              out.println("              (shown once; set RAMPART_ADMIN_TOKEN to choose it)");
            });
    out.flush();
    stopped.await();
    return 0;
  }

  static String describeStorage(RampartConfig config) {
    return config.storage().jdbcUrl().map(ServeCommand::withoutCredentials)
        .orElse("embedded H2 in " + config.dataDir());
  }

  /** JDBC URLs can carry passwords as parameters; show only the part before them. */
  private static String withoutCredentials(String url) {
    int q = url.indexOf('?');
    int semi = url.indexOf(';');
    int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
    return cut < 0 ? url : url.substring(0, cut);
  }
}
