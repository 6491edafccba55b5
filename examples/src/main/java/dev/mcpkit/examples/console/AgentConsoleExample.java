package dev.mcpkit.examples.console;

import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.examples.Postgres;
import dev.mcpkit.examples.toolserver.ToolServerExample;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.server.McpHttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A governed agent host in the terminal: an admin registers MCP servers, shares them, attaches them
 * to an agent and sets tool permissions; users then call tools by typing ({@code call search_docs
 * {"query": "..."}}), answer approval and connect prompts, and read the activity log. No LLM: the
 * user types what a model would ask for.
 *
 * <pre>
 * java -jar mcp-examples.jar agent-console                  # interactive
 * java -jar mcp-examples.jar agent-console --demo           # the bundled demo against a tool server
 * java -jar mcp-examples.jar agent-console --script FILE [--var NAME=VALUE]...
 * </pre>
 *
 * <p>Scripts are the same commands, one per line; {@code ${NAME}} is replaced by a {@code --var}
 * or an environment variable. The directory starts with {@code admin} (an organization admin),
 * {@code alice} (group {@code support}) and {@code bob} (group {@code sales}). Everything is kept
 * in memory, as the SDK's default stores do, unless {@code --postgres URL} (or {@code
 * MCPKIT_POSTGRES_URL}) names a PostgreSQL database: then servers, permissions, connections,
 * pending approvals and the log survive a restart, and credentials stay encrypted under the key in
 * {@code MCPKIT_SECRET_KEY} (32 bytes, base64).
 */
public final class AgentConsoleExample {
  static final String USAGE = """
      usage: agent-console [--demo | --script FILE] [--var NAME=VALUE]... [--postgres JDBC_URL]
        --demo            start the tool-server example on a free port and run the bundled demo
        --script FILE     run the commands in FILE (- for standard input), echoing each
        --var NAME=VALUE  a value for ${NAME} in commands
        --postgres URL    keep everything in PostgreSQL (default: $MCPKIT_POSTGRES_URL, else in
                          memory); credentials are encrypted with $MCPKIT_SECRET_KEY (base64)
      without --demo or --script, commands are read from the terminal; type help
      """;
  /**
   * Where an authorization server sends the browser back. Nothing listens there: the user copies
   * the address the browser shows into {@code callback SERVER URL}.
   */
  static final URI OAUTH_CALLBACK = URI.create("http://127.0.0.1/agent-console/oauth/callback");
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private AgentConsoleExample() {}

  public static void main(String[] args) throws IOException {
    // the activity log is shown by the 'log' command; keep its SLF4J copy off the terminal
    System.setProperty("org.slf4j.simpleLogger.log.dev.mcpkit.policy.audit", "warn");
    System.exit(run(args, System.in, System.out, System.getenv()));
  }

  static int run(String[] args, InputStream stdin, PrintStream out, Map<String, String> env)
      throws IOException {
    Map<String, String> vars = new HashMap<>(env);
    String script = null;
    String postgres = env.get(Postgres.URL_VARIABLE);
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> demo = true;
        case "--script" -> script = i + 1 < args.length ? args[++i] : null;
        case "--postgres" -> postgres = i + 1 < args.length ? args[++i] : null;
        case "--var" -> {
          String[] kv = i + 1 < args.length ? args[++i].split("=", 2) : new String[0];
          if (kv.length != 2) {
            out.print(USAGE);
            return 2;
          }
          vars.put(kv[0], kv[1]);
        }
        default -> {
          out.print(USAGE);
          return args[i].equals("--help") ? 0 : 2;
        }
      }
    }
    McpHttpServer toolServer = null;
    try {
      Reader commands;
      if (demo) {
        String key = randomKey();
        toolServer = ToolServerExample.startInBackground(Files.createTempDirectory("outbox"), key);
        vars.put("TOOL_SERVER_URL", toolServer.url().toString());
        vars.put("TOOL_SERVER_API_KEY", key);
        out.println("tool-server example started at " + toolServer.url()
            + " (API key required)\n");
        commands = new InputStreamReader(AgentConsoleExample.class.getResourceAsStream("demo.txt"),
            StandardCharsets.UTF_8);
      } else if (script != null) {
        commands = script.equals("-") ? new InputStreamReader(stdin, StandardCharsets.UTF_8)
            : Files.newBufferedReader(Path.of(script));
      } else {
        commands = new InputStreamReader(stdin, StandardCharsets.UTF_8);
      }
      McpPostgres stores = null;
      byte[] key = randomBytes(32);
      if (postgres != null && !postgres.isBlank()) {
        key = Postgres.secretKey(env.get(Postgres.SECRET_KEY_VARIABLE));
        if (key == null) {
          out.println("error: " + Postgres.missingKey());
          return 2;
        }
        stores = Postgres.connect(postgres);
      }
      repl(new BufferedReader(commands), out, vars, demo || script != null, stores, key);
      return 0;
    } finally {
      if (toolServer != null) {
        toolServer.close();
      }
    }
  }

  /** Reads commands until the end or {@code quit}; scripted lines are echoed after the prompt. */
  static void repl(BufferedReader in, PrintStream out, Map<String, String> vars, boolean echo,
      McpPostgres stores, byte[] key) throws IOException {
    InMemoryDirectory directory = new InMemoryDirectory()          // the host's users (an SPI)
        .put(Principal.admin("admin"))
        .put(Principal.user("alice", "support"))
        .put(Principal.user("bob", "sales"));
    McpGovernance.Builder builder = McpGovernance.builder()
        .directory(directory)
        .cipher(SecretCipher.aesGcm(KeySource.of("console", key)))   // credentials at rest
        .oauth(McpOAuth.builder().redirectUri(OAUTH_CALLBACK).clientName("mcpkit agent console"));
    if (stores != null) {                                            // else every store in memory
      Postgres.wire(builder, stores);
    }
    try (McpGovernance gov = builder.build()) {
      AgentConsole console = new AgentConsole(gov, directory, directory.find("admin"), out);
      out.println("users: admin (organization admin), alice (support), bob (sales); type help");
      if (stores != null) {
        out.println("stores: PostgreSQL, schema " + stores.schema());
        for (String id : new String[] {"admin", "alice", "bob"}) {
          stores.approvalStore().pending(id).forEach(console::pendingFromEarlier);
        }
      }
      while (true) {
        out.print(console.prompt());
        String line = in.readLine();
        if (line == null) {
          out.println();
          return;
        }
        try {
          line = substitute(line, vars);
        } catch (IllegalArgumentException e) {
          out.println(line + "\nerror: " + e.getMessage());
          continue;
        }
        if (echo) { // a key typed in a script is not shown again
          out.println(line.startsWith("api-key ") ? line.replaceAll("\\S+$", "****") : line);
        }
        if (!console.execute(line)) {
          return;
        }
      }
    }
  }

  static String substitute(String line, Map<String, String> vars) {
    Matcher m = VARIABLE.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = vars.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("${" + m.group(1) + "} is not set (use --var "
            + m.group(1) + "=VALUE)");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    return m.appendTail(sb).toString();
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static String randomKey() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
  }
}
