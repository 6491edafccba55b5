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

  /** On loopback, the embedded server shows browsers the explorer page unless refused. */
  @Override
  protected boolean servesExplorerPageByDefault() {
    return true;
  }

  @Override
  protected void stop() {
    http.close();
  }
}
