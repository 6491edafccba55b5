package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.McpPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every HTTP adapter must do under load and against hostile clients: open streams hold no
 * thread (or are refused clearly where they must), every resource has a limit with a clear
 * refusal, and one client cannot lock out the others. Counts and times are bounded.
 */
abstract class HttpCapacityContract extends HttpTransportContract {

  private McpHttpOptions.Builder capacityOptions() {
    return McpHttpOptions.builder().maxBodyBytes(64 * 1024)
        .keepAliveInterval(Duration.ofMinutes(10)); // no keep-alive tick during a test
  }

  private static String echoCall(RawClient c) {
    return c.call("echo", "{\"text\":\"hi\",\"times\":1}").path("content").get(0).path("text")
        .asText();
  }

  @Test
  @Timeout(90)
  void threeHundredOpenStreamsDoNotStopOtherClientsBeingAnswered() throws Exception {
    restart(capacityOptions().maxOpenStreamsPerSession(1000).build(),
        McpEndpoint.at("/mcp", server));
    List<RawHttp> streams = new ArrayList<>();
    int opened = 0;
    int refused = 0;
    try {
      for (int i = 0; i < 300; i++) {
        RawHttp s = new RawHttp(base);
        streams.add(s);
        s.getStream("/mcp");
        int status = s.readStatus();
        if (status == 200 && s.readUntil("event: endpoint")) {
          opened++;
        } else {
          assertThat(status).isEqualTo(503);
          refused++;
        }
      }
      client.initialize();
      List<String> answers = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        answers.add(echoCall(client));
      }

      assertThat(opened).isEqualTo(Math.min(300, streamCapacity()));
      assertThat(refused).isEqualTo(300 - opened);
      assertThat(openStreamCount()).isEqualTo(opened);
      assertThat(answers).containsOnly("hi");
    } finally {
      streams.forEach(RawHttp::close);
    }
  }

  @Test
  @Timeout(30)
  void streamsBeyondTheLimitAreRefusedWith503NamingTheLimit() throws Exception {
    restart(capacityOptions().maxOpenStreams(2).maxOpenStreamsPerSession(100).build(),
        McpEndpoint.at("/mcp", server));
    try (RawHttp a = new RawHttp(base); RawHttp b = new RawHttp(base);
        RawHttp c = new RawHttp(base)) {
      a.getStream("/mcp");
      b.getStream("/mcp");
      assertThat(a.readStatus()).isEqualTo(200);
      assertThat(b.readStatus()).isEqualTo(200);

      RawHttp.Reply third = c.getStream("/mcp").read();

      assertThat(third.status()).isEqualTo(503);
      assertThat(Long.parseLong(third.headers().get("Retry-After"))).isBetween(1L, 600L);
      assertThat(third.body()).contains("McpHttpOptions.maxOpenStreams").contains("\"id\":null");
    }
  }

  @Test
  @Timeout(30)
  void streamsOfOneClientBeyondItsShareAreRefused() throws Exception {
    restart(capacityOptions().maxOpenStreamsPerSession(1).build(), McpEndpoint.at("/mcp", server));
    try (RawHttp a = new RawHttp(base); RawHttp b = new RawHttp(base)) {
      a.getStream("/mcp");
      assertThat(a.readStatus()).isEqualTo(200);

      RawHttp.Reply second = b.getStream("/mcp").read();

      assertThat(second.status()).isEqualTo(503);
      assertThat(second.body()).contains("maxOpenStreamsPerSession");
    }
  }

  @Test
  @Timeout(30)
  void aStreamWhoseClientWentAwayIsReleasedAtTheNextEventNotAtAKeepAlive() throws Exception {
    restart(capacityOptions().build(), McpEndpoint.at("/mcp", server));
    RawHttp s = new RawHttp(base);
    s.getStream("/mcp");
    assertThat(s.readUntil("event: endpoint")).isTrue();
    assertThat(openStreamCount()).isEqualTo(1);

    s.close();
    // every change is broadcast to the stream; a write to the closed connection fails
    for (int i = 0; i < 100 && openStreamCount() > 0; i++) {
      server.addTool(ToolDefinition.builder("t" + i).description("Added")
          .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build());
      Thread.sleep(20); // polls a count; the failure arrives from the network
    }

    assertThat(openStreamCount()).isZero();
  }

  /**
   * Whether the host notices that a stream's client closed its connection without writing to it:
   * the embedded server, and Tomcat (whose streams the servlet adapter takes over), read the
   * client's end; Jetty tells a servlet only when a write fails.
   */
  protected boolean noticesAClosedStreamWithoutWriting() {
    return true;
  }

  @Test
  @Timeout(30)
  void aStreamWhoseClientWentAwayIsReleasedAtOnceWithoutAnyWrite() throws Exception {
    assumeTrue(noticesAClosedStreamWithoutWriting(), "this host learns of it at the next write");
    restart(capacityOptions().build(), McpEndpoint.at("/mcp", server)); // no keep-alive in a test
    openedLegacyStream().close();

    long tookMillis = awaitNoOpenStream(Duration.ofSeconds(5));

    assertThat(openStreamCount()).as("open streams %d ms after the client closed", tookMillis)
        .isZero();
  }

  /** A legacy SSE stream, opened and announced, with the server counting it. */
  protected RawHttp openedLegacyStream() throws java.io.IOException {
    RawHttp s = new RawHttp(base);
    s.getStream("/mcp");
    assertThat(s.readUntil("event: endpoint")).isTrue();
    assertThat(openStreamCount()).isEqualTo(1);
    return s;
  }

  /**
   * Polls the open-stream count until it is zero or {@code limit} passed, and returns the
   * milliseconds taken: a stream ends on the server's threads, with no event a test can await.
   */
  protected long awaitNoOpenStream(Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + limit.toNanos();
    while (openStreamCount() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * How long the host may take to close the connection of a stream that the server ended while its
   * client did not read: a container may go on trying to write what it took until its own write
   * timeout.
   */
  protected Duration closesAStuckConnectionWithin() {
    return Duration.ofSeconds(10);
  }

  /** Whether a stream's writes block whoever sends on it (the JDK host on Java 17 only). */
  protected boolean sendersWaitForStreamClients() {
    return false;
  }

  @Test
  @Timeout(90)
  void aStreamWhoseClientStopsReadingIsClosedAndNoSenderWaitsForIt() throws Exception {
    assumeFalse(sendersWaitForStreamClients(), "on this host a stream's writes block its sender");
    restart(capacityOptions().maxStreamBacklogBytes(128 * 1024).build(),
        McpEndpoint.at("/mcp", server));
    try (RawHttp stuck = new RawHttp(base, 4096)) {
      stuck.getStream("/mcp");
      assertThat(stuck.readStatus()).isEqualTo(200);
      RawClient messages = new RawClient(base.resolve(stuck.readEventData("endpoint")));
      messages.protocolVersion = null;
      assertThat(messages.post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"stuck\",\"version\":\"1\"}}}", "Accept",
          "application/json").status()).isEqualTo(202);
      // from here on nothing is read from the stream: each answer below is 50,000 bytes
      String call = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"tools/call\",\"params\":{"
          + "\"name\":\"echo\",\"arguments\":{\"text\":\"" + "x".repeat(1000)
          + "\",\"times\":50}}}";
      long slowestMillis = 0;
      int posted = 0;
      java.util.Set<Integer> statuses = new java.util.TreeSet<>();
      for (int i = 1; i <= 400 && openStreamCount() > 0; i++) {
        long t0 = System.nanoTime();
        int status = messages.post(String.format(call, i), "Accept", "application/json")
            .status();
        slowestMillis = Math.max(slowestMillis, (System.nanoTime() - t0) / 1_000_000);
        statuses.add(status);
        posted++;
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (openStreamCount() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20); // polls a count; the stream ends on another thread
      }

      assertThat(openStreamCount()).as("open streams after %d posts", posted).isZero();
      assertThat(posted).isLessThan(400);
      // a message is taken (202) until the stream is gone, then its session is unknown (404)
      assertThat(statuses).isSubsetOf(202, 404).contains(202);
      assertThat(slowestMillis).as("the slowest post").isLessThan(5_000);
      // others are answered meanwhile (before the wait below, which may outlast the container's
      // keep-alive timeout for the pooled connections of the shared HTTP client)
      client.initialize();
      assertThat(echoCall(client)).isEqualTo("hi");
      assertThat(stuck.closedByServer((int) closesAStuckConnectionWithin().toMillis()))
          .as("the connection is closed").isTrue();
    }
  }

  @Test
  @Timeout(30)
  void aStreamWhoseClientWentAwayWithNothingToSendIsReleasedByTheNextKeepAlives()
      throws Exception {
    restart(McpHttpOptions.builder().keepAliveInterval(Duration.ofMillis(200)).build(),
        McpEndpoint.at("/mcp", server));
    openedLegacyStream().close();

    long tookMillis = awaitNoOpenStream(Duration.ofSeconds(10)); // the failed write releases it

    // the first keep-alive after the close may still be taken by the kernel; the next one fails
    assertThat(openStreamCount()).isZero();
    assertThat(tookMillis).as("released after %d ms", tookMillis).isLessThan(5_000);
  }

  @Test
  @Timeout(40)
  void aWaitingCallWhoseClientWentAwayGivesBackItsSlotWhenTheToolReturns() throws Exception {
    restart(capacityOptions().maxRequestsInFlightPerSession(1).build(),
        McpEndpoint.at("/mcp", server));
    client.initialize();
    String body = client.request("tools/call", "{\"name\":\"block\",\"arguments\":{}}");
    RawHttp gone = new RawHttp(base);
    gone.send("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
        + "\r\nContent-Type: application/json\r\nAccept: " + RawClient.JSON_AND_SSE
        + "\r\nMcp-Session-Id: " + client.sessionId + "\r\nMCP-Protocol-Version: "
        + client.protocolVersion + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
    assertThat(TestTools.blockingStarted.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    gone.close();
    TestTools.release.countDown();
    String answer = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (answer == null && System.nanoTime() < deadline) {
      try {
        answer = echoCall(client);
      } catch (IllegalStateException refusedWhileTheSlotIsTaken) {
        Thread.sleep(20);
      }
    }

    assertThat(answer).isEqualTo("hi");
  }

  @Test
  @Timeout(60)
  void oneClientsSessionFloodIsRefusedWhileAnotherClientStillInitializes() throws Exception {
    McpEndpoint endpoint = McpEndpoint.builder(server).path("/mcp")
        .authenticator(request -> AuthResult.authenticated(new McpPrincipal(
            request.header("X-Client"), Set.of(), Map.of())))
        .build();
    restart(capacityOptions().maxSessionsPerClient(10).build(), endpoint);
    RawClient flood = new RawClient(client.url);
    int created = 0;
    RawClient.Response refusal = null;
    for (int i = 0; i < 25; i++) {
      RawClient.Response r = flood.post(flood.request("initialize", "{\"protocolVersion\":"
          + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"f\",\"version\":\"1\"}}"),
          "X-Client", "flood", "Mcp-Session-Id", null);
      if (r.status() == 200) {
        created++;
      } else {
        refusal = r;
      }
    }
    RawClient other = new RawClient(client.url);
    RawClient.Response otherInit = other.post(other.request("initialize", "{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"o\",\"version\":\"1\"}}"),
        "X-Client", "other", "Mcp-Session-Id", null);

    assertThat(created).isEqualTo(10);
    assertThat(refusal.status()).isEqualTo(429);
    assertThat(refusal.body()).contains("McpHttpOptions.maxSessionsPerClient");
    // the flood's sessions were never used: the first ends after the unused-session timeout
    assertThat(Long.parseLong(refusal.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(55L, 60L);
    assertThat(otherInit.status()).isEqualTo(200);
  }

  @Test
  @Timeout(60)
  void theSessionCapHoldsExactlyUnderConcurrentInitialize() throws Exception {
    restart(capacityOptions().maxSessions(12).build(), McpEndpoint.at("/mcp", server));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<RawClient.Response>> all = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        all.add(pool.submit(() -> {
          RawClient c = new RawClient(client.url);
          return c.post(c.request("initialize", "{\"protocolVersion\":\"2025-11-25\","
              + "\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}"));
        }));
      }
      int ok = 0;
      RawClient.Response refused = null;
      for (Future<RawClient.Response> f : all) {
        RawClient.Response r = f.get();
        if (r.status() == 200) {
          ok++;
        } else {
          refused = r;
        }
      }

      assertThat(ok).isEqualTo(12);
      assertThat(sessionCount()).isEqualTo(12);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.body()).contains("McpHttpOptions.maxSessions");
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
          .isBetween(1L, 60L);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(30)
  void statelessRequestsBeyondTheInFlightLimitAreRefusedWith429() throws Exception {
    restart(capacityOptions().maxRequestsInFlight(1).build(), McpEndpoint.at("/mcp", server));
    CompletableFuture<RawClient.Response> blocked = CompletableFuture.supplyAsync(() ->
        client.stateless("tools/call", "{\"name\":\"block\",\"arguments\":{}}"));
    TestTools.blockingStarted.await();

    RawClient.Response refused = client.stateless("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\",\"times\":1}}");
    TestTools.release.countDown();

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.body()).contains("McpHttpOptions.maxRequestsInFlight");
    assertThat(blocked.get().status()).isEqualTo(200);
  }

  @Test
  @Timeout(30)
  void anUnauthorizedPostReadsTheLateBodySoTheClientCanRetryOnTheSameConnection()
      throws Exception {
    restart(capacityOptions().build(), McpEndpoint.builder(server).path("/mcp")
        .authenticator(request -> "Bearer good".equals(request.header("Authorization"))
            ? AuthResult.authenticated(new McpPrincipal("alice", Set.of(), Map.of()))
            : AuthResult.unauthorized("Bearer realm=\"mcp\"", "send a valid bearer token"))
        .build());
    String init = client.request("initialize", "{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}");
    try (RawHttp c = new RawHttp(base)) {
      c.send(c.postHead("/mcp", RawClient.JSON_AND_SSE, init.length()));
      Thread.sleep(100); // the body comes late: the server has refused from the headers by now
      c.send(init);
      RawHttp.Reply refused = c.read();

      String head = c.postHead("/mcp", RawClient.JSON_AND_SSE, init.length());
      c.send(head.replace("\r\n\r\n", "\r\nAuthorization: Bearer good\r\n\r\n") + init);
      RawHttp.Reply next = c.read();

      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.headers().toString()).contains("realm");
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).contains("\"protocolVersion\":\"2025-11-25\"");
    }
  }

  @Test
  @Timeout(30)
  void aLegacyMessageForAnUnknownSessionReadsTheLateBodySoTheConnectionStaysUsable()
      throws Exception {
    String body = client.request("ping", null);
    try (RawHttp c = new RawHttp(base)) {
      c.send(c.postHead("/mcp/message?sessionId=nope", "application/json", body.length()));
      Thread.sleep(100); // the body comes late: the server has looked the session up by now
      c.send(body);
      RawHttp.Reply refused = c.read();

      String init = client.request("initialize", "{\"protocolVersion\":\"2025-11-25\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}");
      c.send(c.postHead("/mcp", RawClient.JSON_AND_SSE, init.length()) + init);
      RawHttp.Reply next = c.read();

      assertThat(refused.status()).isEqualTo(404);
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).contains("\"protocolVersion\":\"2025-11-25\"");
    }
  }

  @Test
  @Timeout(30)
  void anEarlyRefusalReadsTheLateBodySoTheNextRequestOnTheConnectionWorks() throws Exception {
    String body = client.request("tools/list", null);
    try (RawHttp c = new RawHttp(base)) {
      c.send(c.postHead("/mcp", "application/json", body.length()));
      Thread.sleep(100); // the body comes late: the server has answered from the headers by now
      c.send(body);
      RawHttp.Reply refused = c.read();

      String init = client.request("initialize", "{\"protocolVersion\":\"2025-11-25\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}");
      c.send(c.postHead("/mcp", RawClient.JSON_AND_SSE, init.length()) + init);
      RawHttp.Reply next = c.read();

      assertThat(refused.status()).isEqualTo(406);
      assertThat(next.status()).isEqualTo(200);
      assertThat(next.body()).contains("\"protocolVersion\":\"2025-11-25\"");
    }
  }

  @Test
  @Timeout(60)
  void aRefusalThatLeavesTheBodyUnreadSaysTheConnectionCloses() throws Exception {
    String body = client.request("tools/list", null);
    Map<String, Integer> refusals = new java.util.LinkedHashMap<>();
    refusals.put("Origin: http://evil.example.com", 403);
    refusals.put("/elsewhere", 404);
    refusals.put("PUT", 405);
    for (Map.Entry<String, Integer> refusal : refusals.entrySet()) {
      String how = refusal.getKey();
      try (RawHttp c = new RawHttp(base)) {
        String head = c.postHead(how.startsWith("/") ? how : "/mcp", RawClient.JSON_AND_SSE,
            body.length());
        head = how.startsWith("Origin") ? head.replace("\r\n\r\n", "\r\n" + how + "\r\n\r\n")
            : how.equals("PUT") ? head.replaceFirst("POST", "PUT") : head;
        c.send(head);
        Thread.sleep(100); // the body comes late: the server has refused from the headers by now
        c.send(body);
        RawHttp.Reply refused = c.read();

        assertThat(refused.status()).as(how).isEqualTo(refusal.getValue());
        assertThat(refused.headers().get("Connection")).as(how).isEqualToIgnoringCase("close");
        assertThat(c.closedByServer(5_000)).as(how).isTrue();
      }
    }
    client.initialize();
    assertThat(echoCall(client)).isEqualTo("hi");
  }

  @Test
  @Timeout(90)
  void refusedRequestsWhoseBodiesNeverComeAreClosedWhileOthersAreAnswered() throws Exception {
    restart(capacityOptions().bodyReadTimeout(Duration.ofMillis(300)).build(),
        McpEndpoint.at("/mcp", server));
    List<RawHttp> answered = new ArrayList<>();
    List<RawHttp> reading = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        // refused from the headers alone: an unknown path, a foreign Origin, a wrong method
        for (String how : List.of("/elsewhere", "Origin: http://evil.example.com", "PUT")) {
          RawHttp s = new RawHttp(base);
          answered.add(s);
          String head = s.postHead(how.startsWith("/") ? how : "/mcp", RawClient.JSON_AND_SSE,
              1000);
          head = how.startsWith("Origin") ? head.replace("\r\n\r\n", "\r\n" + how + "\r\n\r\n")
              : how.equals("PUT") ? head.replaceFirst("POST", "PUT") : head;
          s.send(head + "{"); // 999 bytes never come
        }
        RawHttp chunked = new RawHttp(base); // a chunked body that never ends
        answered.add(chunked);
        chunked.send("POST /elsewhere HTTP/1.1\r\nHost: " + chunked.hostHeader
            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "3e8\r\n{");
        // refused after reading the body (so the connection could stay usable): no JSON
        // accepted, a legacy message for an unknown session
        for (String path : List.of("/mcp", "/mcp/message?sessionId=nope")) {
          RawHttp s = new RawHttp(base);
          reading.add(s);
          s.send(s.postHead(path, path.equals("/mcp") ? "text/html" : "application/json", 1000)
              + "{");
        }
      }
      client.initialize();
      String answer = echoCall(client);

      assertThat(answer).isEqualTo("hi");
      for (RawHttp s : answered) {
        RawHttp.Reply refused = s.read();
        assertThat(refused.status()).isIn(403, 404, 405);
        assertThat(refused.headers().get("Connection")).isEqualToIgnoringCase("close");
      }
      for (RawHttp s : answered) {
        assertThat(s.closedByServer((int) closesAStuckConnectionWithin().toMillis())).isTrue();
      }
      for (RawHttp s : reading) { // cut at the body deadline (servlet hosts answer 408 first)
        assertThat(s.closedByServer(5_000)).isTrue();
      }
      assertThat(echoCall(client)).isEqualTo("hi");
    } finally {
      answered.forEach(RawHttp::close);
      reading.forEach(RawHttp::close);
    }
  }

  @Test
  @Timeout(30)
  void aLateChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
    restart(capacityOptions().build(), McpEndpoint.at("/mcp", server)); // 64 KB bodies at most
    try (RawHttp c = new RawHttp(base)) {
      c.send("POST /mcp HTTP/1.1\r\nHost: " + c.hostHeader + "\r\nContent-Type: application/json"
          + "\r\nAccept: " + RawClient.JSON_AND_SSE + "\r\nTransfer-Encoding: chunked\r\n\r\n");
      Thread sender = new Thread(() -> {
        try {
          Thread.sleep(100); // the body comes late: the server waits for it
          String chunk = "x".repeat(8192);
          for (int i = 0; i < 16; i++) { // 128 KB
            c.send(Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n");
          }
          c.send("0\r\n\r\n");
        } catch (Exception refusedMeanwhile) {
          // the server answered and closed before the end: allowed
        }
      });
      sender.start();
      RawHttp.Reply refused = c.read();
      sender.join(10_000);

      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.body()).contains("McpHttpOptions.maxBodyBytes");
    }
    client.initialize();
    assertThat(echoCall(client)).isEqualTo("hi");
  }

  @Test
  @Timeout(60)
  void slowClientsAreCutWhileOthersAreAnswered() throws Exception {
    restart(capacityOptions().bodyReadTimeout(Duration.ofMillis(300)).build(),
        McpEndpoint.at("/mcp", server));
    List<RawHttp> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) {
        RawHttp s = new RawHttp(base);
        slow.add(s);
        s.send(s.postHead("/mcp", RawClient.JSON_AND_SSE, 1000) + "{"); // 999 bytes never come
      }
      client.initialize();
      String answer = echoCall(client);

      assertThat(answer).isEqualTo("hi");
      for (RawHttp s : slow) {
        assertThat(s.closedByServer(5_000)).isTrue();
      }
    } finally {
      slow.forEach(RawHttp::close);
    }
  }
}
