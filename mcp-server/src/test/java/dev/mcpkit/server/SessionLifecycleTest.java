package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Session expiry, the stores' failures, graceful shutdown. */
class SessionLifecycleTest {
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void expiredSessionGets404AndClientReinitializes() {
    MovableClock clock = new MovableClock();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().sessionIdleTimeout(Duration.ofMinutes(30)).clock(clock).build());
    RawClient c = fixture.client;
    c.initialize();
    c.post(c.request("tools/list", null));
    String expired = c.sessionId;

    clock.advance(Duration.ofMinutes(31)); // idle past the timeout
    RawClient.Response r = c.post(c.request("tools/list", null));
    c.sessionId = null;
    c.initialize();

    assertThat(r.status()).isEqualTo(404);
    assertThat(c.sessionId).isNotEqualTo(expired);
    assertThat(c.post(c.request("tools/list", null)).status()).isEqualTo(200);
  }

  @Test
  void aSessionOpenedAndNeverUsedExpiresLongBeforeAUsedOne() {
    MovableClock clock = new MovableClock();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().clock(clock).build());
    RawClient unused = fixture.client;
    unused.initialize();
    RawClient used = new RawClient(fixture.http.url());
    used.initialize();
    used.post(used.request("tools/list", null));

    clock.advance(Duration.ofSeconds(61)); // past the unused timeout (60 s), far from 30 min

    assertThat(unused.post(unused.request("tools/list", null)).status()).isEqualTo(404);
    assertThat(used.post(used.request("tools/list", null)).status()).isEqualTo(200);
  }

  @Test
  void theSessionCapRefusalSaysWhenTheOldestUnusedSessionEnds() {
    MovableClock clock = new MovableClock();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().maxSessions(2).clock(clock).build());
    new RawClient(fixture.http.url()).initialize();
    clock.advance(Duration.ofSeconds(20));
    new RawClient(fixture.http.url()).initialize();

    RawClient late = new RawClient(fixture.http.url());
    RawClient.Response refused = late.post(late.request("initialize", "{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"l\",\"version\":\"1\"}}"));
    clock.advance(Duration.ofSeconds(41)); // the first session has been unused for 61 s
    RawClient.Response later = late.post(late.request("initialize", "{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"l\",\"version\":\"1\"}}"));

    assertThat(refused.status()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
    assertThat(later.status()).isEqualTo(200);
  }

  @Test
  void expiredSessionsAreFreed() throws InterruptedException {
    MovableClock clock = new MovableClock();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().sessionIdleTimeout(Duration.ofMillis(1000)).clock(clock).build());
    fixture.client.initialize();
    assertThat(fixture.http.sessionCount()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(2));
    // only the sweeper's own period is real time: bounded, generous for a loaded machine
    for (int i = 0; i < 1000 && fixture.http.sessionCount() > 0; i++) {
      Thread.sleep(20);
    }

    assertThat(fixture.http.sessionCount()).isZero();
  }

  @Test
  void aSessionStoreThatThrowsFailsTheRequestWith503() {
    SessionStore broken = new SessionStore() {
      @Override
      public void save(SessionRecord session) {}

      @Override
      public SessionRecord find(String id) {
        throw new IllegalStateException("database down");
      }

      @Override
      public boolean touch(String id, long nowMillis) {
        return true;
      }

      @Override
      public boolean remove(String id) {
        return false;
      }

      @Override
      public List<String> removeIdle(long cutoffMillis) {
        return List.of();
      }
    };
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().sessionStore(broken).build());
    RawClient c = fixture.client;
    c.sessionId = "unknown-to-this-jvm-000";

    RawClient.Response r = c.post(c.request("tools/list", null));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.message().path("error").path("message").asText()).contains("session store");
  }

  @Test
  void anEventStoreThatThrowsDoesNotBreakTheStream() {
    EventStore broken = new EventStore() {
      @Override
      public String append(String sessionId, String streamId, byte[] data) {
        throw new IllegalStateException("disk full");
      }

      @Override
      public Replay replayAfter(String sessionId, String lastEventId) {
        throw new IllegalStateException("disk full");
      }

      @Override
      public void dropStream(String sessionId, String streamId) {}

      @Override
      public void dropSession(String sessionId) {}
    };
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().eventStore(broken).build());
    RawClient c = fixture.client;
    c.initialize();

    RawClient.Response call = c.post(c.request("tools/call",
        "{\"name\":\"progress\",\"arguments\":{},\"_meta\":{\"progressToken\":1}}"));
    RawClient.Response resume = c.send(java.net.http.HttpRequest.newBuilder(c.url).GET()
        .header("Accept", "text/event-stream").header("Mcp-Session-Id", c.sessionId)
        .header("Last-Event-ID", "p1_1").build());

    assertThat(call.message().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("finished");
    assertThat(resume.status()).isEqualTo(503);
  }

  @Test
  void shutdownLetsCallsInFlightFinish() throws Exception {
    TestTools.resetLatches();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().shutdownGracePeriod(Duration.ofSeconds(5)).build());
    RawClient c = fixture.client;
    c.initialize();
    CompletableFuture<RawClient.Response> call = CompletableFuture.supplyAsync(() -> c.post(
        c.request("tools/call", "{\"name\":\"block\",\"arguments\":{}}")));
    TestTools.blockingStarted.await();

    CompletableFuture<Void> closing = CompletableFuture.runAsync(fixture::close);
    TestTools.release.countDown();
    closing.get();

    assertThat(call.get().message().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("released");
    fixture = null;
  }

  @Test
  void shutdownCancelsCallsThatOutliveTheGracePeriod() throws Exception {
    TestTools.resetLatches();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().shutdownGracePeriod(Duration.ofMillis(100)).build());
    RawClient c = fixture.client;
    c.initialize();
    CompletableFuture<RawClient.Response> call = CompletableFuture.supplyAsync(() -> c.post(
        c.request("tools/call", "{\"name\":\"block\",\"arguments\":{}}")));
    TestTools.blockingStarted.await();

    fixture.close();
    fixture = null;

    RawClient.Response r = call.get();
    assertThat(r.message().has("result")).isFalse();
  }
}
