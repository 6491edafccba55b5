package dev.mcpkit.server.internal.session;

import dev.mcpkit.server.spi.MessageRelay;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link MessageRelay}: the publisher's thread calls every subscriber of this object in
 * turn, so order per publisher holds and nothing is lost while subscribed.
 */
public final class InMemoryMessageRelay implements MessageRelay {
  private static final Logger LOG = LoggerFactory.getLogger(InMemoryMessageRelay.class);
  private final List<Consumer<Relayed>> receivers = new CopyOnWriteArrayList<>();

  @Override
  public void publish(Relayed message) {
    for (Consumer<Relayed> r : receivers) {
      try {
        r.accept(message);
      } catch (RuntimeException e) {
        LOG.warn("a relayed message's receiver failed: {}", e.getClass().getName());
      }
    }
  }

  @Override
  public AutoCloseable subscribe(Consumer<Relayed> receiver) {
    receivers.add(receiver);
    return () -> receivers.remove(receiver);
  }
}
