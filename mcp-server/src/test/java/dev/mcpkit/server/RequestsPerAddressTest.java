package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded host's limits on requests one client address has running at once, and on the
 * connections it has open. Loopback clients are exempt, so the limited cases bind the server to this machine's own non-loopback address (the
 * traffic still stays on the machine); they are skipped where the machine has none.
 */
class RequestsPerAddressTest {
  private McpHttpServer http;

  @AfterEach
  void stop() {
    TestTools.release.countDown();
    if (http != null) {
      http.close();
    }
    TestTools.resetLatches();
  }

  @Test
  void anAddressAtItsLimitIsToldSoAndServedAgainOnceARequestEnds() throws Exception {
    TestTools.resetLatches();
    TestTools.blockingStarted = new CountDownLatch(2);
    InetAddress own = ownNonLoopbackAddress();
    assumeTrue(own != null, "this machine has no non-loopback address");
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .address(own).maxRequestsPerAddress(2).start();
    RawClient client = new RawClient(http.url());
    client.initialize();
    List<CompletableFuture<RawClient.Response>> blocked = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      blocked.add(CompletableFuture.supplyAsync(() -> client.post(client.request("tools/call",
          "{\"name\":\"block\",\"arguments\":{}}"))));
    }
    assertThat(TestTools.blockingStarted.await(10, TimeUnit.SECONDS)).isTrue();

    RawClient.Response refused = client.post(client.request("tools/list", null));
    TestTools.release.countDown();
    for (CompletableFuture<RawClient.Response> f : blocked) {
      assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
    RawClient.Response later = client.post(client.request("tools/list", null));
    // the refusal left nothing counted: two may run at once again
    TestTools.resetLatches();
    TestTools.blockingStarted = new CountDownLatch(2);
    List<CompletableFuture<RawClient.Response>> again = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      again.add(CompletableFuture.supplyAsync(() -> client.post(client.request("tools/call",
          "{\"name\":\"block\",\"arguments\":{}}"))));
    }
    boolean bothRan = TestTools.blockingStarted.await(10, TimeUnit.SECONDS);
    TestTools.release.countDown();
    for (CompletableFuture<RawClient.Response> f : again) {
      assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    assertThat(bothRan).isTrue();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.body()).contains("maxRequestsPerAddress").contains("2 requests");
    assertThat(later.status()).isEqualTo(200);
  }

  @Test
  void requestsOneAfterAnotherAreNeverRefused() throws Exception {
    InetAddress own = ownNonLoopbackAddress();
    assumeTrue(own != null, "this machine has no non-loopback address");
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .address(own).maxRequestsPerAddress(1).start();
    RawClient client = new RawClient(http.url());
    client.initialize();

    // a request is counted until its answer is complete, not until its handler returns a moment
    // later: one at a time fits a limit of one
    for (int i = 0; i < 200; i++) {
      assertThat(client.post(client.request("tools/list", null)).status()).isEqualTo(200);
    }
  }

  @Test
  void clientsOnThisMachineAreNotLimitedPerAddress() throws Exception {
    TestTools.resetLatches();
    TestTools.blockingStarted = new CountDownLatch(3);
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .maxRequestsPerAddress(1).start();
    RawClient client = new RawClient(http.url());
    client.initialize();
    List<CompletableFuture<RawClient.Response>> blocked = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      blocked.add(CompletableFuture.supplyAsync(() -> client.post(client.request("tools/call",
          "{\"name\":\"block\",\"arguments\":{}}"))));
    }
    boolean allRan = TestTools.blockingStarted.await(10, TimeUnit.SECONDS);
    TestTools.release.countDown();
    for (CompletableFuture<RawClient.Response> f : blocked) {
      assertThat(f.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }

    assertThat(allRan).as("three at once from 127.0.0.1 with a limit of one").isTrue();
  }

  private static InetAddress ownNonLoopbackAddress() throws SocketException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nic.isUp() || nic.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nic.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return a;
        }
      }
    }
    return null;
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> McpHttpServer.builder().maxRequestsPerAddress(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }

  @Test
  void connectionsOfAnAddressBeyondItsLimitAre429AndClosedUntilOneEnds() throws Exception {
    InetAddress own = ownNonLoopbackAddress();
    assumeTrue(own != null, "this machine has no non-loopback address");
    http = McpHttpServer.builder().endpoint(McpEndpoint.at("/mcp", TestTools.server().build()))
        .address(own).maxConnectionsPerAddress(3).start();
    int port = http.url().getPort();
    List<java.net.Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(new java.net.Socket(own, port));
      }
      String refused = readAll(new java.net.Socket(own, port));
      assertThat(refused).startsWith("HTTP/1.1 429 ").contains("Retry-After: 1")
          .contains("McpHttpServer.Builder.maxConnectionsPerAddress");
      // the held ones are served
      java.net.Socket first = held.get(0);
      first.getOutputStream().write(("GET /nowhere HTTP/1.1\r\nHost: " + own.getHostAddress()
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      assertThat(readAll(first)).startsWith("HTTP/1.1 404 ");

      // one ended: another connection of the address is taken. The server closed the first on
      // its selecting thread and uncounted it there before that thread accepts anything new
      java.net.Socket again = new java.net.Socket(own, port);
      again.getOutputStream().write(("GET /nowhere HTTP/1.1\r\nHost: " + own.getHostAddress()
          + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String next = readAll(again);
      assertThat(next).startsWith("HTTP/1.1 404 ");
    } finally {
      for (java.net.Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void theConnectionLimitPerAddressMustBePositive() {
    assertThatThrownBy(() -> McpHttpServer.builder().maxConnectionsPerAddress(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String readAll(java.net.Socket s) throws java.io.IOException {
    try (s) {
      s.setSoTimeout(10_000);
      return new String(s.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
