package io.rampart.mcp;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One MCP server declared in a client configuration. Holds key names only, never env or header
 * values, so listing servers cannot leak secrets.
 *
 * @param name the server's key in the configuration
 * @param client the client whose file declares it
 * @param file the configuration file
 * @param line the 1-based line of the server's key
 * @param launch how the client starts or reaches it
 */
public record McpServer(String name, McpClient client, Path file, int line, Launch launch) {
  public McpServer {
    requireNonNull(name, "name");
    requireNonNull(client, "client");
    requireNonNull(file, "file");
    requireNonNull(launch, "launch");
  }

  /** How a server is started or reached. */
  public sealed interface Launch {}

  /**
   * A local process spoken to over stdin/stdout.
   *
   * @param envKeys names of the variables set in {@code env}, sorted (values are never kept)
   */
  public record Stdio(String command, List<String> args, List<String> envKeys) implements Launch {
    public Stdio {
      requireNonNull(command, "command");
      args = List.copyOf(args);
      envKeys = List.copyOf(envKeys);
    }
  }

  /**
   * A remote server reached over HTTP.
   *
   * @param transport {@code http} (streamable HTTP) or {@code sse}
   * @param headerKeys names of the configured headers, sorted (values are never kept)
   */
  public record Remote(String url, String transport, List<String> headerKeys) implements Launch {
    public Remote {
      requireNonNull(url, "url");
      requireNonNull(transport, "transport");
      headerKeys = List.copyOf(headerKeys);
    }
  }

  /** A server entry that names neither a command nor a URL. */
  public record Unknown(Optional<String> type) implements Launch {
    public Unknown {
      requireNonNull(type, "type");
    }
  }
}
