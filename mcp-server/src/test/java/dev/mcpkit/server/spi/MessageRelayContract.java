package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.server.spi.MessageRelay.Relayed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link MessageRelay} must do. Extend it with your implementation; {@link #peer()}
 * returns the relay another instance would use on the same channel (the default: the same one).
 * Delivery may be asynchronous: assertions wait up to 10 s for a message to arrive.
 */
@Timeout(60)
public abstract class MessageRelayContract {
  protected MessageRelay relay;

  /** A fresh relay on a channel no other test uses. */
  protected abstract MessageRelay newRelay();

  /** Another instance's relay on the channel {@link #newRelay()} returned last. */
  protected MessageRelay peer() {
    return relay;
  }

  @BeforeEach
  void createRelay() {
    relay = newRelay();
  }

  static Relayed take(BlockingQueue<Relayed> q) throws InterruptedException {
    Relayed r = q.poll(10, TimeUnit.SECONDS);
    assertThat(r).as("a message arrives within 10 s").isNotNull();
    return r;
  }

  @Test
  void aMessageReachesEverySubscriberOnEveryInstanceWithEveryField() throws Exception {
    BlockingQueue<Relayed> mine = new LinkedBlockingQueue<>();
    BlockingQueue<Relayed> theirs = new LinkedBlockingQueue<>();
    try (AutoCloseable a = relay.subscribe(mine::add);
        AutoCloseable b = peer().subscribe(theirs::add)) {
      Relayed sent = new Relayed("i1", "s1", true, "{\"jsonrpc\":\"2.0\",\"method\":\"x\"}");
      relay.publish(sent);

      assertThat(take(mine)).isEqualTo(sent);
      assertThat(take(theirs)).isEqualTo(sent);
    }
  }

  @Test
  void messagesOfOnePublisherArriveInOrderOnceEach() throws Exception {
    BlockingQueue<Relayed> got = new LinkedBlockingQueue<>();
    try (AutoCloseable a = peer().subscribe(got::add)) {
      for (int i = 0; i < 200; i++) {
        relay.publish(new Relayed("i1", "s1", i % 2 == 0, "{\"n\":" + i + "}"));
      }
      List<String> order = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        order.add(take(got).json());
      }
      assertThat(order).first().isEqualTo("{\"n\":0}");
      assertThat(order).last().isEqualTo("{\"n\":199}");
      assertThat(order).doesNotHaveDuplicates().isSortedAccordingTo(
          (x, y) -> Integer.compare(n(x), n(y)));
      assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("nothing twice").isNull();
    }
  }

  static int n(String json) {
    return Integer.parseInt(json.replaceAll("\\D", ""));
  }

  @Test
  void aLargeMessageArrivesWhole() throws Exception {
    BlockingQueue<Relayed> got = new LinkedBlockingQueue<>();
    try (AutoCloseable a = peer().subscribe(got::add)) {
      String big = "{\"text\":\"" + "é".repeat(40_000) + "\"}";
      relay.publish(new Relayed("i1", "s1", false, big));

      assertThat(take(got).json()).isEqualTo(big);
    }
  }

  @Test
  void aClosedSubscriptionReceivesNothingMore() throws Exception {
    BlockingQueue<Relayed> gone = new LinkedBlockingQueue<>();
    BlockingQueue<Relayed> stays = new LinkedBlockingQueue<>();
    AutoCloseable closed = peer().subscribe(gone::add);
    try (AutoCloseable a = peer().subscribe(stays::add)) {
      closed.close();
      relay.publish(new Relayed("i1", "s1", true, "{}"));

      assertThat(take(stays).json()).isEqualTo("{}");
      assertThat(gone).isEmpty();
    }
  }
}
