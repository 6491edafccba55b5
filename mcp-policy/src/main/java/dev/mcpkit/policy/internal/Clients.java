package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.ApiKeyAuth;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.OAuthInterceptor;
import dev.mcpkit.auth.TokenSource;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.policy.ServerRegistration;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
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
  private final java.util.function.BiConsumer<TokenOwner, McpClient.Builder> customizer;
  /** One server's clients, by credential owner. */
  private record Key(String serverId, TokenOwner owner) {}

  /** A connected client and the address and authentication it was connected with. */
  private record Slot(
      URI url, ServerRegistration.Auth auth, McpClient client, Interceptor credential) {
    boolean fits(ServerRegistration server) {
      // the same registration object (the usual case) needs no URI comparison
      return auth == server.auth() && (url == server.url() || url.equals(server.url()));
    }
  }

  private final Map<String, OwnerMap<Slot>> clients = new ConcurrentHashMap<>();
  private final Map<Key, Object> locks = new ConcurrentHashMap<>();
  /** Told the server id when a server announces that its tool list changed. */
  private volatile java.util.function.Consumer<String> toolListChanged = serverId -> {};
  /**
   * Whose clients listen for those announcements: a listening client keeps a notification stream
   * open, so only the credentials the tool catalogue is discovered with do.
   */
  private volatile java.util.function.Predicate<TokenOwner> listens = owner -> false;

  public Clients(McpOAuth oauth, ApiKeyAuth apiKeys, Duration requestTimeout,
      java.util.function.BiConsumer<TokenOwner, McpClient.Builder> customizer) {
    this.oauth = oauth;
    this.apiKeys = apiKeys;
    this.requestTimeout = requestTimeout;
    this.customizer = customizer;
  }

  /**
   * The client for {@code owner} at {@code server}, connecting it first if needed. A client
   * connected to another address or with another kind of authentication (the registration
   * changed) is closed and replaced.
   */
  public McpClient get(ServerRegistration server, TokenOwner owner) throws IOException {
    OwnerMap<Slot> owners = clients.get(server.id());
    Slot slot = owners == null ? null : owners.get(owner);
    if (slot != null && slot.fits(server)) {
      return slot.client();
    }
    synchronized (locks.computeIfAbsent(new Key(server.id(), owner), k -> new Object())) {
      owners = clients.computeIfAbsent(server.id(), k -> new OwnerMap<>());
      slot = owners.get(owner);
      if (slot != null && slot.fits(server)) {
        return slot.client();
      }
      if (slot != null) {
        owners.remove(owner, slot);
        slot.client().close();
      }
      Interceptor credential = server.auth() == ServerRegistration.Auth.OAUTH
          ? oauth.interceptor(owner, server.url())
          : apiKeys.interceptor(owner, server.url());
      McpClient client = connect(server, owner, credential);
      owners.put(owner, new Slot(server.url(), server.auth(), client, credential));
      return client;
    }
  }

  /** Sets what happens when a connected server announces {@code tools/list_changed}. */
  void onToolListChanged(java.util.function.Predicate<TokenOwner> whose,
      java.util.function.Consumer<String> action) {
    this.listens = whose;
    this.toolListChanged = action;
  }

  /** Closes and forgets the client of {@code owner} at {@code server}. */
  public void evict(ServerRegistration server, TokenOwner owner) {
    OwnerMap<Slot> owners = clients.get(server.id());
    Slot slot = owners == null ? null : owners.remove(owner);
    if (slot != null) {
      slot.client().close();
    }
  }

  /** Closes and forgets every client of {@code serverId}. */
  public void evictServer(String serverId) {
    OwnerMap<Slot> owners = clients.remove(serverId);
    if (owners != null) {
      owners.forEach(s -> s.client().close());
    }
  }

  /**
   * Which way the credential {@code owner}'s client at {@code server} last sent was obtained, as the
   * activity log names it; null when unknown (no client yet, or nothing sent).
   */
  public String tokenSource(ServerRegistration server, TokenOwner owner) {
    if (server.auth() == ServerRegistration.Auth.API_KEY) {
      return "api_key";
    }
    OwnerMap<Slot> owners = clients.get(server.id());
    Slot slot = owners == null ? null : owners.get(owner);
    if (slot == null || !(slot.credential() instanceof OAuthInterceptor oauthCredential)) {
      return null;
    }
    TokenSource source = oauthCredential.tokenSource();
    return source == null ? null : Connector.tokenSourceName(source);
  }

  private McpClient connect(ServerRegistration server, TokenOwner owner, Interceptor auth)
      throws IOException {
    String url = server.url().toString();
    ClientTransport transport = server.transport() == ServerRegistration.Transport.SSE
        ? ClientTransport.sse(url) : ClientTransport.streamableHttp(url);
    McpClient.Builder builder = McpClient.builder()
        .transport(transport)
        .clientInfo("mcpkit-policy", "0.1.0")
        .requestTimeout(requestTimeout)
        .addHttpInterceptor(auth);
    if (listens.test(owner)) {
      builder.listener(new dev.mcpkit.client.ClientListener() {
        @Override
        public void onToolListChanged() {
          toolListChanged.accept(server.id());
        }
      });
    }
    customizer.accept(owner, builder);
    return builder.connect();
  }

  @Override
  public void close() {
    clients.values().forEach(owners -> owners.forEach(s -> s.client().close()));
    clients.clear();
  }
}
