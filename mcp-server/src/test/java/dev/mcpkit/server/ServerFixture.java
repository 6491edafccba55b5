package dev.mcpkit.server;

/** One JDK HTTP server on loopback for a test, with a raw client for its first endpoint. */
final class ServerFixture implements AutoCloseable {
  final McpServer server;
  final McpHttpServer http;
  final RawClient client;

  ServerFixture(McpServer server, McpHttpOptions options, McpEndpoint... endpoints) {
    this.server = server;
    McpHttpServer.Builder b = McpHttpServer.builder().options(options);
    if (endpoints.length == 0) {
      b.endpoint(McpEndpoint.at("/mcp", server));
    }
    for (McpEndpoint e : endpoints) {
      b.endpoint(e);
    }
    this.http = b.start();
    this.client = new RawClient(http.url());
  }

  ServerFixture(McpServer server) {
    this(server, McpHttpOptions.defaults());
  }

  RawClient client(McpEndpoint endpoint) {
    return new RawClient(http.url(endpoint));
  }

  @Override
  public void close() {
    http.close();
  }
}
