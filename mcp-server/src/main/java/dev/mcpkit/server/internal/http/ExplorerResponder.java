package dev.mcpkit.server.internal.http;

import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.ExplorerPage;
import dev.mcpkit.server.explorer.RejectedTool;
import dev.mcpkit.server.explorer.ToolView;
import dev.mcpkit.server.internal.ServerAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the explorer page on a browser's GET of an endpoint that enables it (or leaves it to the
 * server, which enables it on loopback): the endpoint's tools, the tools the server turned down,
 * and how the endpoint's clients send a credential.
 */
final class ExplorerResponder {
  private ExplorerResponder() {}

  static boolean wants(HttpCall call, McpEndpoint endpoint, boolean byDefault) {
    // the method first: a POST (every MCP request) reads no header here
    return "GET".equalsIgnoreCase(call.method())
        && ExplorerPage.wantsPage(call.method(), call.header("Accept"))
        && ServerAccess.servesExplorerPage(endpoint, byDefault);
  }

  static void respond(HttpCall call, McpEndpoint endpoint) {
    List<ToolView> tools = new ArrayList<>();
    for (ToolDefinition t : endpoint.server().tools()) {
      if (endpoint.exposes(t.name())) {
        tools.add(ToolView.of(t.tool()));
      }
    }
    String url = call.uri().toString();
    int query = url.indexOf('?');
    if (query >= 0) {
      url = url.substring(0, query);
    }
    List<RejectedTool> rejected = new ArrayList<>();
    for (RejectedTool r : endpoint.server().rejectedTools()) {
      if (endpoint.exposes(r.name())) {
        rejected.add(r);
      }
    }
    ExplorerModel model = new ExplorerModel(endpoint.server().serverInfo().name(),
        endpoint.server().serverInfo().version(), url, ServerAccess.token(endpoint), tools,
        rejected, ServerAccess.explorerCredential(endpoint));
    String nonce = ExplorerPage.newNonce();
    byte[] body = ExplorerPage.render(model, nonce).getBytes(StandardCharsets.UTF_8);
    ExplorerPage.headers(nonce).forEach(call::setHeader);
    try {
      OutputStream out = call.start(200, body.length);
      out.write(body);
      out.close();
    } catch (IOException | RuntimeException e) {
      // the browser went away
    } finally {
      call.close();
    }
  }
}
