package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JSON-RPC batch is served only in a 2025-03-26 session and only up to its element limit; any
 * other batch gets one small error answer, before it is decoded.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BatchRefusalTest {
  private static final String FOUR_MEGABYTES_OF_ONES = fourMegabytesOfOnes();
  private ServerFixture fixture;

  private static String fourMegabytesOfOnes() {
    return "[" + "1,".repeat(2 * 1024 * 1024 - 64) + "1]";
  }

  private RawClient start(McpHttpOptions options, String version) {
    fixture = new ServerFixture(TestTools.server().build(), options);
    RawClient client = fixture.client;
    client.protocolVersion = version;
    return client;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  /** Bytes allocated by every live thread of this JVM (server and client alike). */
  private static long allocatedByAllThreads() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds()))
        .filter(n -> n > 0).sum();
  }

  private static void assertOneSmallError(RawClient.Response r, String says) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().length()).as("answer size").isLessThan(1024);
    JsonNode message = r.message();
    assertThat(message.isObject()).as("one error, not one per element").isTrue();
    assertThat(message.path("error").path("code").asInt()).isEqualTo(-32600);
    assertThat(message.path("error").path("message").asText()).contains(says);
  }

  @Test
  void fourMegabyteBatchInA20250326SessionIsOneSmallErrorNamingTheLimit() {
    RawClient client = start(McpHttpOptions.defaults(), "2025-03-26");
    client.initialize();
    long before = allocatedByAllThreads();

    RawClient.Response r = client.post(FOUR_MEGABYTES_OF_ONES);

    assertOneSmallError(r, "at most 100 messages");
    assertThat(allocatedByAllThreads() - before).as("bytes allocated to refuse it")
        .isLessThan(96L * 1024 * 1024);
    assertThat(client.call("echo", "{\"text\":\"still here\",\"times\":1}").toString())
        .contains("still here");
  }

  @Test
  void fourMegabyteBatchWithoutASessionIsRefusedBeforeItIsDecoded() {
    RawClient client = start(McpHttpOptions.defaults(), null);
    long before = allocatedByAllThreads();

    RawClient.Response r = client.post(FOUR_MEGABYTES_OF_ONES);

    assertOneSmallError(r, "only allowed in a session of protocol 2025-03-26");
    assertThat(allocatedByAllThreads() - before).as("bytes allocated to refuse it")
        .isLessThan(96L * 1024 * 1024);
  }

  @Test
  void batchInASessionOfAnotherVersionIsRefusedBeforeItIsDecoded() {
    RawClient client = start(McpHttpOptions.defaults(), "2025-06-18");
    client.initialize();

    assertOneSmallError(client.post("[1, this is not even JSON", "MCP-Protocol-Version", null),
        "this session uses 2025-06-18");
    assertOneSmallError(client.post("[1, this is not even JSON"),
        "only allowed in a session of protocol 2025-03-26");
  }

  @Test
  void batchNamingAnotherVersionOrAnUnknownSessionIsRefused() {
    RawClient client = start(McpHttpOptions.defaults(), "2025-03-26");
    client.initialize();

    assertOneSmallError(client.post("[1,2]", "MCP-Protocol-Version", "2025-11-25"),
        "only allowed in a session of protocol 2025-03-26");
    assertThat(client.post("[1,2]", "Mcp-Session-Id", "AAAAAAAAAAAAAAAAAAAAAA").status())
        .isEqualTo(404);
  }

  @Test
  void batchWithinTheConfiguredLimitIsAnsweredAndOnePastItIsRefused() {
    RawClient client = start(McpHttpOptions.builder().maxBatchElements(3).build(), "2025-03-26");
    client.initialize();
    String ping = client.request("ping", null);

    RawClient.Response three = client.post("[" + ping + "," + client.request("ping", null) + ","
        + client.request("ping", null) + "]");
    RawClient.Response four = client.post("[" + String.join(",", ping, ping, ping, ping) + "]");

    assertThat(three.status()).isEqualTo(200);
    assertThat(three.message().isArray()).isTrue();
    assertThat(three.message()).hasSize(3);
    assertOneSmallError(four, "at most 3 messages");
  }
}
