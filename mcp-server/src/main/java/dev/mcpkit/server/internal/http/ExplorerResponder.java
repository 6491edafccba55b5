package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.ExplorerPage;
import dev.mcpkit.server.explorer.ToolView;
import dev.mcpkit.server.internal.ServerAccess;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Serves the explorer page on a browser's GET of an endpoint that enables it. */
final class ExplorerResponder {
  private ExplorerResponder() {}

  static boolean wants(HttpCall call, McpEndpoint endpoint) {
    return endpoint.hasExplorerPage() && ExplorerPage.wantsPage(call.method(), call.header("Accept"));
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
    ExplorerModel model = new ExplorerModel(endpoint.server().serverInfo().name(),
        endpoint.server().serverInfo().version(), url, ServerAccess.token(endpoint), tools,
        List.of(), endpoint.authenticator() == McpAuthenticator.NONE ? AuthHint.NONE
            : AuthHint.BEARER);
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
