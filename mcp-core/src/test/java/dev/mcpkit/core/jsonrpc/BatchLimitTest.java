package dev.mcpkit.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Batches are counted while they are parsed and refused before an oversize one is read. */
class BatchLimitTest {
  private final JsonRpcCodec codec = JsonRpcCodec.instance();

  private static byte[] batchOf(int n, String element) {
    StringBuilder b = new StringBuilder(n * (element.length() + 1) + 2).append('[');
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append(element);
    }
    return b.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static long allocatedByThisThread() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }

  @Test
  void aBatchOfExactlyTheLimitIsRead() {
    Decoded d = codec.decode(batchOf(5, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"), 5);

    assertThat(d.batch()).isTrue();
    assertThat(d.messages()).hasSize(5);
  }

  @Test
  void oneElementPastTheLimitIsOneInvalidRequestNamingTheLimit() {
    assertThatThrownBy(() -> codec.decode(batchOf(6, "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}"), 5))
        .isInstanceOfSatisfying(JsonRpcParseException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST);
          assertThat(e.getMessage()).contains("at most 5 messages");
          assertThat(e.id()).isNull();
        });
  }

  @Test
  void theDefaultLimitIsAHundredElements() {
    assertThat(codec.decode(batchOf(100, "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}"), true)
        .messages()).hasSize(100);
    assertThatThrownBy(() -> codec.decode(batchOf(101, "{\"jsonrpc\":\"2.0\",\"method\":\"n\"}"),
        true)).hasMessageContaining("at most 100 messages");
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void aFourMegabyteBatchOfNumbersIsRefusedWithoutReadingItsElements() {
    byte[] huge = batchOf(2 * 1024 * 1024 - 1, "1"); // 4 MiB
    codec.decode(batchOf(200, "1"), 1000); // warm the parser so the measure is of the batch
    long before = allocatedByThisThread();

    assertThatThrownBy(() -> codec.decode(huge, true))
        .hasMessageContaining("at most 100 messages");
    assertThat(allocatedByThisThread() - before).as("bytes allocated to refuse it")
        .isLessThan(1024 * 1024);
  }

  @Test
  void aBatchWhereNoneIsAllowedIsRefusedAtItsBracketWhateverFollows() {
    byte[] batchOfGarbage = "[ this is not json at all".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> codec.decode(batchOfGarbage, false))
        .isInstanceOfSatisfying(JsonRpcParseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.INVALID_REQUEST));
  }

  @Test
  void aBatchThatIsNotClosedIsAParseError() {
    assertThatThrownBy(() -> codec.decode("[{\"jsonrpc\":\"2.0\",\"method\":\"n\"},"
        .getBytes(StandardCharsets.UTF_8), true))
        .isInstanceOfSatisfying(JsonRpcParseException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCodes.PARSE_ERROR));
  }

  @Test
  void anInvalidElementsAnswerQuotesAtMostAShortPieceOfWhatWasSent() {
    String big = "x".repeat(100_000);
    Decoded d = codec.decode(batchOf(3, "{\"jsonrpc\":\"" + big + "\",\"id\":1,\"method\":\"a\"}"),
        true);

    assertThat(d.rejected()).hasSize(3);
    assertThat(codec.encode(d.rejected().get(0)).length).isLessThan(400);
  }
}
