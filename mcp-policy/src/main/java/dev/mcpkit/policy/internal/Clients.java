package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.ApiKeyAuth;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.policy.ServerRegistration;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;

/**
 * Connected MCP clients, one per server and credential owner, reused across calls (connecting costs a
 * round trip or two). A client whose transport failed is closed and dropped, and the next call
 * connects again.
 */
public final class Clients implements Closeable {
  private final McpOAuth oauth;
  private final ApiKeyAuth apiKeys;
  private final Duration requestTimeout;
  private final Map<String, McpClient> clients = new ConcurrentHashMap<>();
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public Clients(McpOAuth oauth, ApiKeyAuth apiKeys, Duration requestTimeout) {
    this.oauth = oauth;
    this.apiKeys = apiKeys;
    this.requestTimeout = requestTimeout;
  }

  /** The client for {@code owner} at {@code server}, connecting it first if needed. */
  public McpClient get(ServerRegistration server, TokenOwner owner) throws IOException {
    String key = key(server, owner);
    McpClient client = clients.get(key);
    if (client != null) {
      return client;
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      client = clients.get(key);
      if (client == null) {
        client = connect(server, owner);
        clients.put(key, client);
      }
      return client;
    }
  }

  /** Closes and forgets the client of {@code owner} at {@code server}. */
  public void evict(ServerRegistration server, TokenOwner owner) {
    McpClient client = clients.remove(key(server, owner));
    if (client != null) {
      client.close();
    }
  }

  /** Closes and forgets every client of {@code serverId}. */
  public void evictServer(String serverId) {
    clients.entrySet().removeIf(e -> {
      if (e.getKey().startsWith(serverId + "\n")) {
        e.getValue().close();
        return true;
      }
      return false;
    });
  }

  private McpClient connect(ServerRegistration server, TokenOwner owner) throws IOException {
    String url = server.url().toString();
    ClientTransport transport = server.transport() == ServerRegistration.Transport.SSE
        ? ClientTransport.sse(url) : ClientTransport.streamableHttp(url);
    Interceptor auth = server.auth() == ServerRegistration.Auth.OAUTH
        ? oauth.interceptor(owner, server.url())
        : apiKeys.interceptor(owner, server.url());
    return McpClient.builder()
        .transport(transport)
        .clientInfo("mcpkit-policy", "0.1.0")
        .requestTimeout(requestTimeout)
        .addHttpInterceptor(auth)
        .connect();
  }

  private static String key(ServerRegistration server, TokenOwner owner) {
    return server.id() + "\n" + server.url() + "\n" + server.auth() + "\n" + owner;
  }

  @Override
  public void close() {
    clients.values().forEach(McpClient::close);
    clients.clear();
  }
}
