package dev.mcpkit.examples.toolserver;

import dev.mcpkit.examples.Postgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line of the {@code tool-server} example, parsed.
 *
 * @param token the capability token from {@code --token} or the environment, or null for a fresh
 *     random one
 * @param apiKey the key callers must send as {@code Authorization: Bearer KEY}, or null for none;
 *     from {@code --api-key-file}, else {@code $MCP_TOOL_SERVER_API_KEY}, else {@code --api-key}
 * @param postgres a PostgreSQL JDBC URL to keep sessions and resumable events in, or null for memory
 * @param warnings what the operator should be told before the server starts
 */
record ToolServerOptions(String host, int port, String token, Path outbox, String apiKey,
    String postgres, boolean help, List<String> warnings) {
  static final int DEFAULT_PORT = 8765;
  /** Supplies the capability token when {@code --token} is not given. */
  static final String TOKEN_VARIABLE = "MCP_TOOL_SERVER_TOKEN";
  /** Supplies the API key when neither {@code --api-key-file} nor {@code --api-key} is given. */
  static final String API_KEY_VARIABLE = "MCP_TOOL_SERVER_API_KEY";
  /** The largest API key file read. */
  private static final long MAX_KEY_FILE = 4096;

  ToolServerOptions {
    warnings = List.copyOf(warnings);
  }

  static final String USAGE = """
      usage: tool-server [--port PORT] [--host ADDRESS] [--token TOKEN] [--outbox DIR]
                         [--api-key-file FILE] [--postgres JDBC_URL]
        --port PORT       port to listen on (default 8765; 0 picks a free one)
        --host ADDRESS    address to listen on (default 127.0.0.1)
        --token TOKEN     the secret in the URL /mcp/v1/TOKEN/mcp: at least 22 characters of
                          A-Z a-z 0-9 - _ (default: $MCP_TOOL_SERVER_TOKEN, else 192 random bits)
        --outbox DIR      where send_email writes its messages (default ./outbox)
        --api-key-file FILE
                          also require 'Authorization: Bearer KEY', KEY being the file's content
                          (at least 32 characters; default: $MCP_TOOL_SERVER_API_KEY, else none)
        --api-key KEY     the same with KEY on the command line, where every local user can read
                          it (the process list); prefer the file or the environment variable
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
    Path apiKeyFile = null;
    boolean help = false;
    List<String> warnings = new ArrayList<>();
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
        case "--api-key-file" ->
            apiKeyFile = Path.of(value != null ? value : value(args, ++i, option));
        case "-h", "--help" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
      }
    }
    String source = "--api-key";
    if (apiKeyFile != null) {
      apiKey = readKeyFile(apiKeyFile);
      source = "--api-key-file";
    } else if (apiKey == null && env.get(API_KEY_VARIABLE) != null
        && !env.get(API_KEY_VARIABLE).isBlank()) {
      apiKey = env.get(API_KEY_VARIABLE).strip();
      source = API_KEY_VARIABLE;
    } else if (apiKey != null) {
      warnings.add("warning: --api-key puts the key in the process list, where every local user"
          + " can read it; use --api-key-file FILE or " + API_KEY_VARIABLE + " instead");
    }
    if (apiKey != null && apiKey.length() < 32) {
      throw new IllegalArgumentException(source + " must be at least 32 characters (a random"
          + " key, e.g. from: openssl rand -base64 32)");
    }
    return new ToolServerOptions(host, port, token == null || token.isBlank() ? null : token,
        outbox, apiKey, postgres == null || postgres.isBlank() ? null : postgres, help,
        warnings);
  }

  /** The key in {@code file}: its content without surrounding white space (a final newline). */
  private static String readKeyFile(Path file) {
    try {
      if (Files.size(file) > MAX_KEY_FILE) {
        throw new IllegalArgumentException("--api-key-file " + file + " is larger than "
            + MAX_KEY_FILE + " bytes; it should hold only the key");
      }
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException("--api-key-file " + file + " cannot be read ("
          + e.getClass().getSimpleName() + ")");
    }
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
