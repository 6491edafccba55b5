package dev.mcpkit.server;

import java.net.URI;

/** The transport contract on the embedded JDK server. */
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

  /** On Java 17 each stream holds one of 200 threads; a quarter stays for requests. */
  @Override
  protected int streamCapacity() {
    return dev.mcpkit.core.engine.internal.Threads.hasVirtualThreads() ? Integer.MAX_VALUE : 150;
  }

  /** On Java 17 a stream's writes run on its serving thread and block; on 21+ a writer's do. */
  @Override
  protected boolean sendersWaitForStreamClients() {
    return !dev.mcpkit.core.engine.internal.Threads.hasVirtualThreads();
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
