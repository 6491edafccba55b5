package dev.mcpkit.server;

import java.net.URI;

/** The transport contract on the embedded server (no dependency beyond the JDK). */
class JdkHttpServerTest extends HttpCapacityContract {
  private McpHttpServer http;

  @Override
  protected int openStreamCount() {
    return http.openStreamCount();
  }

  @Override
  protected int sessionCount() {
    return http.sessionCount();
  }

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
