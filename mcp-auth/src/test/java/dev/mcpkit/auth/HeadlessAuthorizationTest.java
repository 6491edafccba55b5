package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Headless authorization over a loopback server that approves at once: it goes through the host's
 * HTTP client when given one and leaves it open; the client it makes itself it releases on close.
 */
class HeadlessAuthorizationTest {
  private static final URI CALLBACK = URI.create("http://127.0.0.1:1/callback");
  private HttpServer server;
  private URI authorize;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/authorize", exchange -> {
      exchange.getResponseHeaders().add("Location", CALLBACK + "?code=c-1&state=s-1");
      exchange.sendResponseHeaders(302, -1);
      exchange.close();
    });
    server.start();
    authorize = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/authorize");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void theHostsClientCarriesTheRequestsAndStaysOpenAfterClose() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    OkHttpClient host = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.incrementAndGet();
      return chain.proceed(chain.request());
    }).build();
    try {
      HeadlessAuthorization headless = HeadlessAuthorization.catching(CALLBACK, host);
      URI back = headless.follow(authorize);
      headless.close();

      assertThat(back.getQuery()).isEqualTo("code=c-1&state=s-1");
      assertThat(seen.get()).isEqualTo(1);
      assertThat(host.dispatcher().executorService().isShutdown()).isFalse();
    } finally {
      host.dispatcher().executorService().shutdown();
    }
  }

  @Test
  void itsOwnClientIsReleasedOnClose() throws Exception {
    HeadlessAuthorization headless = HeadlessAuthorization.catching(CALLBACK);
    URI back = headless.follow(authorize);
    headless.close();

    assertThat(back.getQuery()).isEqualTo("code=c-1&state=s-1");
    assertThat(headless.client().dispatcher().executorService().isShutdown()).isTrue();
    assertThat(headless.client().connectionPool().connectionCount()).isZero();
  }
}
