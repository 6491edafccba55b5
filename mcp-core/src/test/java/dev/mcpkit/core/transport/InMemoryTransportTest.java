package dev.mcpkit.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryTransportTest {
  /** Records what a transport delivers. */
  private static final class Recorder implements McpTransport.Listener {
    final BlockingQueue<JsonRpcMessage> messages = new LinkedBlockingQueue<>();
    final List<Throwable> closes = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public void onMessage(JsonRpcMessage message) {
      messages.add(message);
    }

    @Override
    public void onClose(Throwable cause) {
      closes.add(cause == null ? new Throwable("orderly") : cause);
      closed.countDown();
    }

    JsonRpcMessage next() throws InterruptedException {
      JsonRpcMessage m = messages.poll(5, TimeUnit.SECONDS);
      assertThat(m).as("a message within 5 s").isNotNull();
      return m;
    }
  }

  @Test
  void whatOneSideSendsBeforeThePeerStartsIsDeliveredInOrderOnceItDoes() throws Exception {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    pair[0].start(a);
    try {
      pair[0].send(new JsonRpcRequest(RequestId.of(1), "first", null));
      pair[0].send(new JsonRpcNotification("second", null));
      // no event to await: give the peer's delivery thread time to reach the messages, which it
      // must hold rather than drop while nobody listens
      Thread.sleep(200);

      pair[1].start(b);

      assertThat(b.next()).isEqualTo(new JsonRpcRequest(RequestId.of(1), "first", null));
      assertThat(b.next()).isEqualTo(new JsonRpcNotification("second", null));
    } finally {
      pair[0].close();
    }
  }

  @Test
  void closingOneSideClosesBothWithExactlyOneOrderlyOnCloseEach() throws Exception {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    pair[0].start(a);
    pair[1].start(b);

    pair[1].close();
    pair[1].close();
    pair[0].close();

    assertThat(a.closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(b.closed.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(a.closes).hasSize(1).allMatch(t -> "orderly".equals(t.getMessage()));
    assertThat(b.closes).hasSize(1).allMatch(t -> "orderly".equals(t.getMessage()));
    assertThatThrownBy(() -> pair[0].send(new JsonRpcNotification("late", null)))
        .isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void aTransportCanBeStartedOnlyOnce() {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    pair[0].start(new Recorder());
    try {
      assertThatThrownBy(() -> pair[0].start(new Recorder()))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
    } finally {
      pair[0].close();
    }
  }
}
