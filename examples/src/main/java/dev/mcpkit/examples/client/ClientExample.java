package dev.mcpkit.examples.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.client.TaskSnapshot;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.ContentBlock;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ListToolsResult;
import dev.mcpkit.core.schema.Tools.Tool;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * A generic MCP client on the command line: {@code client list-tools URL} and
 * {@code client call URL TOOL '{"arg": 1}'} (with {@code --task}: as a task, printing its
 * progress while polling), against any server over Streamable HTTP, legacy SSE or
 * stdio. Exit codes: 0 done, 1 the tool reported an error, 2 bad usage, 3 the server refused the
 * request, 4 the server could not be reached.
 */
public final class ClientExample {
  private ClientExample() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    ClientOptions options;
    try {
      options = ClientOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("client: " + e.getMessage());
      err.print(ClientOptions.USAGE);
      return 2;
    }
    try (McpClient client = builder(options, err).connect()) {
      err.println("connected to " + client.description() + " (protocol " + client.protocolVersion()
          + ", server " + client.serverInfo() + ")");
      return options.command().equals("list-tools") ? listTools(client, options, out)
          : call(client, options, out, err);
    } catch (McpProtocolException e) {
      err.println("client: the server refused: " + e.getMessage()
          + (e.error().data() == null ? "" : " " + e.error().data()));
      return 3;
    } catch (IOException e) {
      err.println("client: " + e.getMessage());
      return 4;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      err.println("client: " + e.getMessage());
      return 2;
    }
  }

  static McpClient.Builder builder(ClientOptions options, PrintStream err) throws IOException {
    String target = options.arguments().get(0);
    ClientTransport transport = switch (options.transport()) {
      case "streamable-http" -> ClientTransport.streamableHttp(target);
      case "sse" -> ClientTransport.sse(target);
      case "stdio" -> ClientTransport.stdio(Arrays.asList(target.trim().split("\\s+")));
      default -> ClientTransport.http(target);
    };
    McpClient.Builder builder = McpClient.builder().transport(transport)
        .clientInfo("mcpkit-cli", "0.1.0")
        .requestTimeout(options.timeout())
        .protocolVersion(options.protocolVersion());
    if (options.task()) {
      builder.tasks().taskTimeout(options.taskTimeout());
    }
    options.headers().forEach(builder::header);
    if (options.apiKey() != null) {
      builder.header("Authorization", "Bearer " + options.apiKey());
    }
    if (options.oauth()) {
      if (options.transport().equals("stdio")) {
        throw new IllegalArgumentException("--oauth is for HTTP servers, not stdio");
      }
      ClientAuth.configureOAuth(builder, target, err);
    }
    return builder;
  }

  private static int listTools(McpClient client, ClientOptions options, PrintStream out)
      throws IOException {
    ListToolsResult tools = client.listTools();
    if (options.json()) {
      out.println(McpJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tools));
      return 0;
    }
    for (Tool tool : tools.tools()) {
      String description = tool.description() == null ? "" : tool.description();
      int newline = description.indexOf('\n');
      out.printf("%-32s %s%n", tool.name(),
          newline < 0 ? description : description.substring(0, newline));
    }
    return 0;
  }

  private static int call(McpClient client, ClientOptions options, PrintStream out,
      PrintStream err) throws IOException {
    String tool = options.arguments().get(1);
    String json = options.arguments().size() > 2 ? options.arguments().get(2) : "{}";
    JsonNode arguments;
    try {
      arguments = McpJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("arguments are not JSON: " + e.getMessage());
    }
    CallToolResult result = options.task() ? runAsTask(client, tool, arguments, options, err)
        : client.callTool(tool, arguments);
    if (options.json()) {
      out.println(McpJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    } else {
      for (ContentBlock block : result.content()) {
        out.println(block instanceof Content.Text t ? t.text() : "[" + block.type() + "]");
      }
      if (result.structuredContent() != null) {
        out.println(result.structuredContent());
      }
    }
    return Boolean.TRUE.equals(result.isError()) ? 1 : 0;
  }

  /** Starts the call as a task, prints each new status while polling, returns the result. */
  private static CallToolResult runAsTask(McpClient client, String tool, JsonNode arguments,
      ClientOptions options, PrintStream err) throws IOException {
    TaskSnapshot started = client.callToolAsTask(tool, arguments);
    if (started.taskId() == null) {
      err.println("the server answered at once (no task)");
      return started.result();
    }
    err.println("task " + started.taskId() + " started (" + started.status().wire() + ")");
    try {
      return client.awaitTask(started.taskId(), options.taskTimeout(), t -> err.println(
          "task " + t.status().wire() + (t.statusMessage() == null ? "" : ": "
              + t.statusMessage())));
    } catch (java.util.concurrent.CancellationException e) {
      throw new IOException(e.getMessage(), e);
    }
  }
}
