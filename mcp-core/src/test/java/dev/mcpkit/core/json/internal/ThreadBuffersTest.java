package dev.mcpkit.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;
import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

class ThreadBuffersTest {
  private final RecyclerPool<BufferRecycler> pool = ThreadBuffers.pool();

  @Test
  void theSharedMapperUsesThePool() {
    assertThat(McpJson.mapper().getFactory()._getRecyclerPool()).isSameAs(pool);
  }

  @Test
  void aThreadGetsItsOwnRecyclerAndItsBuffersBack() throws Exception {
    BufferRecycler mine = pool.acquireAndLinkPooled();
    assertThat(pool.acquirePooled()).isSameAs(mine);

    byte[] bytes = mine.allocByteBuffer(BufferRecycler.BYTE_WRITE_ENCODING_BUFFER);
    mine.releaseByteBuffer(BufferRecycler.BYTE_WRITE_ENCODING_BUFFER, bytes);
    assertThat(mine.allocByteBuffer(BufferRecycler.BYTE_WRITE_ENCODING_BUFFER)).isSameAs(bytes);
    mine.releaseByteBuffer(BufferRecycler.BYTE_WRITE_ENCODING_BUFFER, bytes);

    char[] chars = mine.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, 500);
    mine.releaseCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, chars);
    assertThat(mine.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, 500)).isSameAs(chars);
    mine.releaseToPool(); // nothing to give back: it never leaves the thread
    assertThat(pool.acquirePooled()).isSameAs(mine);

    BufferRecycler other = CompletableFuture.supplyAsync(pool::acquirePooled)
        .get(10, TimeUnit.SECONDS);
    assertThat(other).isNotSameAs(mine).isInstanceOf(ThreadBuffers.class);
  }

  @Test
  void aBufferInUseIsNotHandedOutTwiceAndASmallOneIsGrownFresh() {
    BufferRecycler mine = pool.acquirePooled();
    int slot = BufferRecycler.CHAR_CONCAT_BUFFER;
    char[] first = mine.allocCharBuffer(slot);
    char[] second = mine.allocCharBuffer(slot);
    assertThat(second).isNotSameAs(first);
    mine.releaseCharBuffer(slot, first);
    char[] bigger = mine.allocCharBuffer(slot, first.length + 1);
    assertThat(bigger).isNotSameAs(first).hasSizeGreaterThan(first.length);
  }

  @Test
  void anotherThreadUsingARecyclerNeitherTakesNorGivesItsBuffers() throws Exception {
    BufferRecycler mine = pool.acquirePooled();
    int slot = BufferRecycler.BYTE_WRITE_ENCODING_BUFFER;
    byte[] kept = mine.allocByteBuffer(slot);
    mine.releaseByteBuffer(slot, kept);

    // as when a parser made here is read and closed on another thread
    byte[][] elsewhere = CompletableFuture.supplyAsync(() -> {
      byte[] taken = mine.allocByteBuffer(slot);
      byte[] bigger = new byte[kept.length * 2];
      mine.releaseByteBuffer(slot, bigger);
      return new byte[][] {taken, bigger};
    }).get(10, TimeUnit.SECONDS);

    assertThat(elsewhere[0]).isNotSameAs(kept);
    byte[] again = mine.allocByteBuffer(slot);
    assertThat(again).isSameAs(kept).isNotSameAs(elsewhere[1]);
    mine.releaseByteBuffer(slot, again);
  }

  @Test
  void aParserMadeOnOneThreadReadsAndClosesOnAnother() throws Exception {
    String text = "{\"a\":\"" + "y".repeat(5_000) + "\",\"b\":[1,2,3]}";
    com.fasterxml.jackson.core.JsonParser parser = McpJson.mapper().createParser(text);
    JsonNode read = CompletableFuture.supplyAsync(() -> {
      try (parser) {
        return (JsonNode) McpJson.mapper().readTree(parser);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).get(10, TimeUnit.SECONDS);
    assertThat(read.get("a").textValue()).hasSize(5_000);
    assertThat(McpJson.mapper().readTree(text)).isEqualTo(read); // this thread's buffers are sound
  }

  @Test
  void hugeBuffersAreNotKept() {
    BufferRecycler mine = pool.acquirePooled();
    int slot = BufferRecycler.BYTE_WRITE_CONCAT_BUFFER;
    byte[] huge = mine.allocByteBuffer(slot, ThreadBuffers.KEEP_AT_MOST + 1);
    mine.releaseByteBuffer(slot, huge);
    assertThat(mine.allocByteBuffer(slot)).isNotSameAs(huge);

    char[] hugeChars = mine.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER,
        ThreadBuffers.KEEP_AT_MOST + 1);
    mine.releaseCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER, hugeChars);
    assertThat(mine.allocCharBuffer(BufferRecycler.CHAR_TEXT_BUFFER)).isNotSameAs(hugeChars);
  }

  @Test
  void largeAndSmallMessagesOneAfterAnotherReadAndWriteExactly() throws Exception {
    String big = "x".repeat(3 * ThreadBuffers.KEEP_AT_MOST) + "\u00e9\u4e2d";
    for (String text : new String[] {big, "small", big, "\u00e9", ""}) {
      byte[] json = McpJson.mapper().writeValueAsBytes(
          McpJson.object().put("text", text).put("n", 1));
      JsonNode read = McpJson.mapper().readTree(json);
      assertThat(read.get("text").textValue()).isEqualTo(text);
      assertThat(McpJson.mapper().writeValueAsString(read))
          .isEqualTo(new String(json, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_21) // CI runs the suite on Java 25 too
  void virtualThreadsShareABoundedPool() throws Exception {
    // compiled for Java 17, so the Java 21 method is looked up
    Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
    AtomicReference<BufferRecycler> first = new AtomicReference<>();
    AtomicReference<BufferRecycler> second = new AtomicReference<>();
    AtomicReference<Boolean> virtual = new AtomicReference<>();
    Thread t1 = (Thread) start.invoke(null, (Runnable) () -> {
      virtual.set(ThreadBuffers.onVirtualThread());
      BufferRecycler r = pool.acquireAndLinkPooled();
      first.set(r);
      r.releaseToPool();
    });
    t1.join(10_000);
    Thread t2 = (Thread) start.invoke(null, (Runnable) () -> {
      BufferRecycler r = pool.acquireAndLinkPooled();
      second.set(r);
      r.releaseToPool();
    });
    t2.join(10_000);
    assertThat(virtual.get()).isTrue();
    assertThat(first.get()).isNotInstanceOf(ThreadBuffers.class);
    assertThat(second.get()).isSameAs(first.get()); // given back, then taken again
    assertThat(ThreadBuffers.onVirtualThread()).isFalse();
  }
}
