package dev.mcpkit.server;

import java.net.URI;

/** The transport contract on the embedded JDK server. */
class JdkHttpServerTest extends HttpTransportContract {
  private McpHttpServer http;

  @Override
  protected URI start(McpHttpOptions options, McpEndpoint endpoint) {
    http = McpHttpServer.builder().options(options).endpoint(endpoint).start();
    return http.baseUri();
  }

  @Override
  protected void stop() {
    http.close();
  }
}
