package dev.mcpkit.examples.toolserver;

import java.nio.file.Path;
import dev.mcpkit.examples.Postgres;
import java.util.Map;

/**
 * The command line of the {@code tool-server} example, parsed.
 *
 * @param token the capability token from {@code --token} or the environment, or null for a fresh
 *     random one
 * @param apiKey the key callers must send as {@code Authorization: Bearer KEY}, or null for none
 * @param postgres a PostgreSQL JDBC URL to keep sessions and resumable events in, or null for memory
 */
record ToolServerOptions(String host, int port, String token, Path outbox, String apiKey,
    String postgres, boolean help) {
  static final int DEFAULT_PORT = 8765;
  /** Supplies the capability token when {@code --token} is not given. */
  static final String TOKEN_VARIABLE = "MCP_TOOL_SERVER_TOKEN";

  static final String USAGE = """
      usage: tool-server [--port PORT] [--host ADDRESS] [--token TOKEN] [--outbox DIR]
                         [--api-key KEY] [--postgres JDBC_URL]
        --port PORT       port to listen on (default 8765; 0 picks a free one)
        --host ADDRESS    address to listen on (default 127.0.0.1)
        --token TOKEN     the secret in the URL /mcp/v1/TOKEN/mcp: at least 22 characters of
                          A-Z a-z 0-9 - _ (default: $MCP_TOOL_SERVER_TOKEN, else 192 random bits)
        --outbox DIR      where send_email writes its messages (default ./outbox)
        --api-key KEY     also require 'Authorization: Bearer KEY' (at least 32 characters)
        --postgres URL    keep sessions and resumable events in PostgreSQL, so several instances
                          serve one session (default: $MCPKIT_POSTGRES_URL, else in memory)
      """;

  static ToolServerOptions parse(String[] args, Map<String, String> env) {
    String host = "127.0.0.1";
    int port = DEFAULT_PORT;
    String token = env.get(TOKEN_VARIABLE);
    Path outbox = Path.of("outbox");
    String apiKey = null;
    String postgres = env.get(Postgres.URL_VARIABLE);
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      String value = null;
      int eq = option.indexOf('=');
      if (option.startsWith("--") && eq > 0) {
        value = option.substring(eq + 1);
        option = option.substring(0, eq);
      }
      switch (option) {
        case "--port" -> port = port(value != null ? value : value(args, ++i, option));
        case "--host" -> host = value != null ? value : value(args, ++i, option);
        case "--token" -> token = value != null ? value : value(args, ++i, option);
        case "--outbox" -> outbox = Path.of(value != null ? value : value(args, ++i, option));
        case "--api-key" -> apiKey = value != null ? value : value(args, ++i, option);
        case "--postgres" -> postgres = value != null ? value : value(args, ++i, option);
        case "-h", "--help" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    if (apiKey != null && apiKey.length() < 32) {
      throw new IllegalArgumentException("--api-key must be at least 32 characters (a random"
          + " key, e.g. from: openssl rand -base64 32)");
    }
    return new ToolServerOptions(host, port, token == null || token.isBlank() ? null : token,
        outbox, apiKey, postgres == null || postgres.isBlank() ? null : postgres, help);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int port(String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--port must be a number from 0 to 65535, got '" + text
        + "'");
  }
}
