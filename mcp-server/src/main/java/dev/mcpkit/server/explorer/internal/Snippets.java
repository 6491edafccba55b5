package dev.mcpkit.server.explorer.internal;

import dev.mcpkit.server.explorer.Snippet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.ToolView;
import java.text.Normalizer;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The connection snippets: Claude Desktop and Cursor (both through {@code mcp-remote}), a
 * {@code curl} session, and the Java client. Credentials are never part of a snippet: an API key
 * or token is read from an environment variable the operator sets, and goes in a header, never in
 * the URL.
 */
public final class Snippets {
  /** The protocol version the curl session asks for. */
  static final String PROTOCOL_VERSION = ProtocolRevision.latestSession().id();
  /** The environment variable that holds an API key or bearer token in every snippet. */
  static final String SECRET_VARIABLE = "MCP_API_KEY";
  private static final String FALLBACK_KEY = "mcp-server";
  private static final int MAX_KEY_LENGTH = 64;

  private Snippets() {}

  /** All snippets for {@code model}, in the order the page shows them. */
  public static List<Snippet> of(ExplorerModel model) {
    String key = serverKey(model.serverName());
    return List.of(
        new Snippet("claude", "Claude Desktop", "claude_desktop_config.json", "json",
            mcpRemote(key, model.endpointUrl(), model.auth(), false)),
        new Snippet("cursor", "Cursor", ".cursor/mcp.json", "json",
            mcpRemote(key, model.endpointUrl(), model.auth(), true)),
        new Snippet("curl", "curl", "bash", "bash",
            curl(model.endpointUrl(), model.auth(), firstTool(model))),
        new Snippet("java", "Java client", "dev.mcpkit:mcp-client", "java",
            java(model.endpointUrl(), model.auth(), firstTool(model))));
  }

  /**
   * The key a client's configuration files use for this server: the name in lower case, accents
   * dropped, every run of other characters turned into one {@code -}, at most 64 characters;
   * {@code mcp-server} when nothing is left.
   */
  public static String serverKey(String serverName) {
    String plain = Normalizer.normalize(serverName == null ? "" : serverName, Normalizer.Form.NFKD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    if (plain.length() > MAX_KEY_LENGTH) {
      plain = plain.substring(0, MAX_KEY_LENGTH).replaceAll("-+$", "");
    }
    return plain.isEmpty() ? FALLBACK_KEY : plain;
  }

  /** {@code claude_desktop_config.json} or {@code .cursor/mcp.json}: npx mcp-remote URL. */
  static String mcpRemote(String key, String url, AuthHint auth, boolean assumeYes) {
    ObjectNode server = McpJson.object().put("command", "npx");
    ArrayNode args = server.putArray("args");
    if (assumeYes) {
      args.add("-y");
    }
    args.add("mcp-remote").add(url);
    String header = headerName(auth);
    if (header != null) {
      // mcp-remote expands ${VAR} from env; no space after the colon, which some clients mangle
      args.add("--header").add(header + ":${" + SECRET_VARIABLE + "}");
      server.putObject("env").put(SECRET_VARIABLE, secretPlaceholder(auth));
    }
    ObjectNode root = McpJson.object();
    root.putObject("mcpServers").set(key, server);
    return PrettyJson.write(root);
  }

  /** A bash session: initialize, notifications/initialized, tools/list, tools/call. */
  static String curl(String url, AuthHint auth, ToolView tool) {
    String json = "'Content-Type: application/json'";
    String accept = "'Accept: application/json, text/event-stream'";
    StringBuilder s = new StringBuilder();
    s.append("URL=").append(shellQuote(url)).append('\n');
    s.append("HEADERS=(-H ").append(json).append(" -H ").append(accept).append(")\n");
    String header = headerName(auth);
    if (header != null) {
      s.append("# the key is read from the environment; it never goes in the URL\n");
      s.append(": \"${").append(SECRET_VARIABLE).append(":?export ").append(SECRET_VARIABLE)
          .append(" first}\"\n");
      String value = auth instanceof AuthHint.Bearer ? "Bearer $" + SECRET_VARIABLE
          : "$" + SECRET_VARIABLE;
      s.append("HEADERS+=(-H \"").append(header).append(": ").append(value).append("\")\n");
    }
    s.append("\n# 1. initialize: the answer names the session in its Mcp-Session-Id header\n");
    s.append("REPLY_HEADERS=$(mktemp)\n");
    ObjectNode initialize = request(1, "initialize");
    ObjectNode params = initialize.putObject("params").put("protocolVersion", PROTOCOL_VERSION);
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "curl").put("version", "1.0");
    s.append("curl -sS -D \"$REPLY_HEADERS\" \"$URL\" \"${HEADERS[@]}\" -d ")
        .append(shellQuote(McpJson.write(initialize))).append("; echo\n");
    s.append("SESSION=$(tr -d '\\r' < \"$REPLY_HEADERS\" | awk 'tolower($1) == \"mcp-session-id:\""
        + " {print $2}')\n");
    s.append("HEADERS+=(-H 'MCP-Protocol-Version: ").append(PROTOCOL_VERSION).append("')\n");
    s.append("if [ -n \"$SESSION\" ]; then HEADERS+=(-H \"Mcp-Session-Id: $SESSION\"); fi\n");
    s.append("\n# 2. tell the server the client is ready (answered with 202 and no body)\n");
    ObjectNode initialized = McpJson.object().put("jsonrpc", "2.0")
        .put("method", "notifications/initialized");
    s.append(post(McpJson.write(initialized), false));
    s.append("\n# 3. list the tools\n");
    s.append(post(McpJson.write(request(2, "tools/list")), true));
    s.append("\n# 4. call a tool\n");
    ObjectNode call = request(3, "tools/call");
    ObjectNode callParams = call.putObject("params").put("name", toolName(tool));
    callParams.set("arguments", exampleArguments(tool));
    s.append(post(McpJson.write(call), true));
    return s.toString();
  }

  /** The Java client: connect, list the tools, call one. */
  static String java(String url, AuthHint auth, ToolView tool) {
    StringBuilder s = new StringBuilder();
    s.append("try (McpClient client = McpClient.builder()\n");
    s.append("    .transport(ClientTransport.http(").append(javaString(url)).append("))\n");
    String header = headerName(auth);
    if (header != null) {
      String value = auth instanceof AuthHint.Bearer
          ? "\"Bearer \" + System.getenv(\"" + SECRET_VARIABLE + "\")"
          : "System.getenv(\"" + SECRET_VARIABLE + "\")";
      s.append("    .header(").append(javaString(header)).append(", ").append(value).append(")\n");
    }
    s.append("    .connect()) {\n");
    s.append("  System.out.println(client.listTools());\n");
    s.append("  System.out.println(client.callTool(").append(javaString(toolName(tool)))
        .append(", ").append(JavaLiteral.of(exampleArguments(tool))).append("));\n");
    s.append("}\n");
    return s.toString();
  }

  /** Single-quotes {@code text} for a POSIX shell. */
  static String shellQuote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  private static String post(String body, boolean echo) {
    return "curl -sS \"$URL\" \"${HEADERS[@]}\" -d " + shellQuote(body) + (echo ? "; echo" : "")
        + "\n";
  }

  private static ObjectNode request(int id, String method) {
    return McpJson.object().put("jsonrpc", "2.0").put("id", id).put("method", method);
  }

  private static ToolView firstTool(ExplorerModel model) {
    return model.tools().isEmpty() ? null : model.tools().get(0);
  }

  private static String toolName(ToolView tool) {
    return tool == null ? "TOOL_NAME" : tool.name();
  }

  private static ObjectNode exampleArguments(ToolView tool) {
    return tool == null ? McpJson.object()
        : FormFields.exampleArguments(FormFields.of(tool.inputSchema()));
  }

  private static String headerName(AuthHint auth) {
    if (auth instanceof AuthHint.ApiKeyHeader apiKey) {
      return apiKey.headerName();
    }
    return auth instanceof AuthHint.Bearer ? "Authorization" : null;
  }

  private static String secretPlaceholder(AuthHint auth) {
    return auth instanceof AuthHint.Bearer ? "Bearer <your token>" : "<your API key>";
  }

  private static String javaString(String text) {
    return new TextNode(text).toString(); // a JSON string literal is a valid Java literal here
  }

  /** Two-space JSON with short scalar arrays on one line, as people write config files. */
  static final class PrettyJson {
    private PrettyJson() {}

    static String write(JsonNode node) {
      StringBuilder out = new StringBuilder();
      write(node, "", out);
      return out.append('\n').toString();
    }

    private static void write(JsonNode node, String indent, StringBuilder out) {
      if (node.isObject() && !node.isEmpty()) {
        out.append("{\n");
        Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          out.append(indent).append("  ").append(new TextNode(field.getKey())).append(": ");
          write(field.getValue(), indent + "  ", out);
          out.append(fields.hasNext() ? ",\n" : "\n");
        }
        out.append(indent).append('}');
      } else if (node.isArray() && !node.isEmpty()) {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          out.append(i == 0 ? "" : ", ");
          write(node.get(i), indent, out);
        }
        out.append(']');
      } else {
        out.append(node);
      }
    }
  }
}
