package dev.mcpkit.examples.client;

import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.auth.AuthorizationHandler;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.client.McpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * OAuth for the {@code client} example ({@code --oauth}): mcp-auth's interceptor in the client's auth
 * slot, authorizing through the user's browser with a one-shot callback listener on a loopback port.
 * Tokens live in memory for the run.
 */
final class ClientAuth {
  private ClientAuth() {}

  static void configureOAuth(McpClient.Builder builder, String serverUrl, PrintStream err)
      throws IOException {
    LoopbackCallback callback = LoopbackCallback.start(err);
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    URI server = URI.create(serverUrl);
    McpOAuth oauth = McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("cli", key)))
        .redirectUri(callback.redirectUri())
        .clientName("mcpkit client example")
        .authorizationHandler(callback)
        .build();
    builder.addHttpInterceptor(oauth.interceptor(TokenOwner.user(System.getProperty("user.name",
        "cli")), server));
  }

  /** Prints the authorization URL and waits (5 minutes) for the browser to come back. */
  static final class LoopbackCallback implements AuthorizationHandler {
    private final HttpServer server;
    private final PrintStream err;
    private volatile CompletableFuture<URI> next = new CompletableFuture<>();

    private LoopbackCallback(HttpServer server, PrintStream err) {
      this.server = server;
      this.err = err;
    }

    static LoopbackCallback start(PrintStream err) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      LoopbackCallback callback = new LoopbackCallback(server, err);
      server.createContext("/callback", exchange -> {
        URI full = URI.create(callback.redirectUri() + (exchange.getRequestURI().getRawQuery() == null
            ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] page = "Authorized; you can close this tab.".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, page.length);
        exchange.getResponseBody().write(page);
        exchange.close();
        callback.next.complete(full);
      });
      Thread t = new Thread(server::start, "oauth-callback");
      t.setDaemon(true);
      t.start();
      return callback;
    }

    URI redirectUri() {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    @Override
    public URI authorize(TokenOwner owner, URI serverUri, URI authorizationUrl) throws IOException {
      next = new CompletableFuture<>();
      err.println("Open this URL in your browser to authorize access to " + serverUri + ":");
      err.println("  " + authorizationUrl);
      try {
        return next.get(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for the authorization");
      } catch (TimeoutException e) {
        throw new IOException("no authorization arrived at " + redirectUri() + " within 5 minutes");
      } catch (ExecutionException e) {
        throw new IOException(e.getCause());
      }
    }
  }
}
