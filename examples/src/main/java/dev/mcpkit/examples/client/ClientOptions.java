package dev.mcpkit.examples.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The command line of the {@code client} example, parsed. */
record ClientOptions(
    String command,
    List<String> arguments,
    String transport,
    Map<String, String> headers,
    String apiKey,
    boolean oauth,
    Duration timeout,
    String protocolVersion,
    boolean json,
    boolean task,
    Duration taskTimeout) {

  static final String USAGE = """
      usage: client [options] list-tools URL
             client [options] call URL TOOL [JSON-ARGUMENTS]
      URL is an http(s) URL, or with --transport stdio a command line ("npx -y some-server").
      options:
        --transport auto|streamable-http|sse|stdio   how to reach the server (default auto:
                                                     Streamable HTTP, then legacy SSE)
        --header 'Name: value'                       an HTTP header on every request (repeatable)
        --api-key KEY                                sends 'Authorization: Bearer KEY'
        --oauth                                      authorize with OAuth in the browser
        --timeout SECONDS                            per-request timeout (default 30)
        --protocol VERSION                           speak only this protocol version
        --json                                       print raw JSON results
        --task                                       run the tool as a task and show its
                                                     progress while polling
        --task-timeout SECONDS                       give up (and cancel) after (default 3600)
      """;

  static ClientOptions parse(String[] args) {
    String transport = "auto";
    Map<String, String> headers = new LinkedHashMap<>();
    String apiKey = null;
    boolean oauth = false;
    Duration timeout = Duration.ofSeconds(30);
    String version = null;
    boolean json = false;
    boolean task = false;
    Duration taskTimeout = Duration.ofHours(1);
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--transport" -> transport = value(args, ++i, a);
        case "--header" -> {
          String h = value(args, ++i, a);
          int colon = h.indexOf(':');
          if (colon <= 0) {
            throw new IllegalArgumentException("--header wants 'Name: value', got '" + h + "'");
          }
          headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
        }
        case "--api-key" -> apiKey = value(args, ++i, a);
        case "--oauth" -> oauth = true;
        case "--timeout" -> timeout = Duration.ofMillis(
            (long) (Double.parseDouble(value(args, ++i, a)) * 1000));
        case "--protocol" -> version = value(args, ++i, a);
        case "--json" -> json = true;
        case "--task" -> task = true;
        case "--task-timeout" -> taskTimeout = Duration.ofMillis(
            (long) (Double.parseDouble(value(args, ++i, a)) * 1000));
        default -> {
          if (a.startsWith("--")) {
            throw new IllegalArgumentException("unknown option " + a);
          }
          positional.add(a);
        }
      }
    }
    if (positional.size() < 2) {
      throw new IllegalArgumentException("missing command and URL");
    }
    String command = positional.get(0);
    if (!command.equals("list-tools") && !command.equals("call")) {
      throw new IllegalArgumentException("unknown command '" + command + "'");
    }
    if (command.equals("call") && positional.size() < 3) {
      throw new IllegalArgumentException("call needs URL and TOOL");
    }
    if (!List.of("auto", "streamable-http", "sse", "stdio").contains(transport)) {
      throw new IllegalArgumentException("unknown transport '" + transport + "'");
    }
    return new ClientOptions(command, positional.subList(1, positional.size()), transport, headers,
        apiKey, oauth, timeout, version, json, task, taskTimeout);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
