package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.server.spi.EventStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages that answer one request (or the session's GET stream): while the answer is still
 * undecided it may become a plain JSON response; the first related message turns it into an SSE
 * stream. With an event store, every event is stored so that a client whose connection broke can
 * reconnect with {@code Last-Event-ID} and get the rest, including the final response.
 * Thread-safe: messages may come from any thread.
 */
public final class EventStream {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
  private static final byte[] EMPTY = new byte[0];
  /** Unsent bytes an SSE answer may hold for a client that does not read. */
  private static final int ANSWER_BACKLOG_BYTES = 4 * 1024 * 1024;

  private final String sessionId;
  private final char kind;
  private final int number;
  private String streamId; // built when first needed: JSON answers never need it
  private final EventStore store;
  private final boolean priming;
  private final long retryMillis;
  private HttpCall pending;
  private boolean acceptsSse;
  private SseChannel channel;
  private boolean completed;

  /**
   * @param store where events go for resumption, or null when the stream is not resumable
   * @param priming whether the client understands a priming event (2025-11-25 and later)
   */
  public EventStream(String sessionId, char kind, int number, EventStore store, boolean priming,
      long retryMillis) {
    this.sessionId = sessionId;
    this.kind = kind;
    this.number = number;
    this.store = store;
    this.priming = priming && store != null;
    this.retryMillis = retryMillis;
  }

  public synchronized String id() {
    if (streamId == null) {
      streamId = kind + Integer.toString(number);
    }
    return streamId;
  }

  /** Answers the POST {@code call}: JSON unless a related message comes first. */
  public synchronized EventStream answering(HttpCall call, boolean acceptsSse) {
    this.pending = call;
    this.acceptsSse = acceptsSse;
    return this;
  }

  /** Whether a live connection is attached (or the answer is still pending). */
  public synchronized boolean isConnected() {
    return pending != null || channel != null && !channel.isClosed();
  }

  public synchronized boolean isCompleted() {
    return completed;
  }

  /**
   * Delivers a message that belongs to this stream.
   *
   * @return false when the stream cannot carry it (completed, or a JSON-only client)
   */
  public synchronized boolean send(JsonRpcMessage message) {
    if (completed) {
      return false;
    }
    if (pending != null) {
      if (!acceptsSse) {
        return false;
      }
      startSse();
    }
    if (channel == null && store == null) {
      return false;
    }
    write(SharedFrames.encode(message));
    return true;
  }

  /** Delivers the final response and ends the stream. */
  public void complete(JsonRpcResponse response) {
    complete(response, 200);
  }

  /** Delivers the final response, with {@code status} if it is still a plain JSON answer. */
  public synchronized void complete(JsonRpcResponse response, int status) {
    if (completed) {
      return;
    }
    completed = true;
    if (pending != null) {
      HttpCall call = pending;
      pending = null;
      HttpResponses.message(call, status, response);
      return;
    }
    boolean delivered = write(JsonRpcCodec.instance().encode(response));
    if (channel != null) {
      channel.close();
      channel = null;
    }
    if (delivered && store != null) {
      dropStored();
    }
  }

  /** Ends a stream that will carry no response (the request was cancelled). */
  public synchronized void abandon() {
    completed = true;
    if (pending != null) {
      HttpResponses.empty(pending, 202);
      pending = null;
    }
    if (channel != null) {
      channel.close();
      channel = null;
    }
    if (store != null) {
      dropStored();
    }
  }

  /**
   * Closes the connection but not the stream, so the client polls: it reconnects with {@code
   * Last-Event-ID} and gets the rest. Only for resumable streams of clients that accept SSE.
   */
  public synchronized void closeConnection() {
    if (completed || store == null || !priming) {
      return;
    }
    if (pending != null) {
      if (!acceptsSse) {
        return;
      }
      startSse();
    }
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  /**
   * Attaches a reconnecting client's connection: replays what it missed, then goes on live (or
   * ends, if the response was among the missed events).
   */
  public synchronized void attach(SseChannel newChannel, List<EventStore.StoredEvent> missed) {
    if (channel != null) {
      channel.close();
    }
    for (EventStore.StoredEvent e : missed) {
      if (e.data().length > 0 && !newChannel.send(e.id(), null, e.data(), 0)) {
        return;
      }
    }
    if (completed) {
      newChannel.close();
      dropStored();
      return;
    }
    channel = newChannel;
  }

  /** Attaches a fresh connection to a stream that had none (the session's GET stream). */
  public synchronized void attach(SseChannel newChannel) {
    if (channel != null) {
      channel.close();
    }
    channel = newChannel;
    if (priming) {
      String id = append(EMPTY);
      channel.send(id, null, EMPTY, retryMillis);
    }
  }

  /** Closes the current connection, if any (shutdown, session end). */
  public synchronized void disconnect() {
    if (pending != null) {
      HttpResponses.empty(pending, 202);
      pending = null;
    }
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  private void startSse() {
    HttpCall call = pending;
    pending = null;
    try {
      // an offloaded answer is written without blocking and holds no thread; one answered on its
      // serving thread writes as that thread runs (a container may hold non-blocking writes
      // until the serving thread returns)
      channel = SseChannel.open(call, ANSWER_BACKLOG_BYTES, call.offloaded());
    } catch (java.io.IOException | RuntimeException e) {
      call.close();
      channel = null;
      return;
    }
    if (priming) {
      String id = append(EMPTY);
      channel.send(id, null, EMPTY, retryMillis);
    }
  }

  private boolean write(byte[] data) {
    String id = store == null ? null : append(data);
    return channel != null && channel.send(id, null, data, 0);
  }

  private String append(byte[] data) {
    try {
      return store.append(sessionId, id(), data);
    } catch (RuntimeException e) {
      // by class only: a store's message may quote the event id, which carries the session's
      LOG.warn("event store {} failed to store an event; it cannot be replayed ({})",
          store.getClass().getName(), e.getClass().getName());
      return null;
    }
  }

  private void dropStored() {
    try {
      store.dropStream(sessionId, id());
    } catch (RuntimeException e) {
      LOG.warn("event store {} failed to drop a stream ({})", store.getClass().getName(),
          e.getClass().getName());
    }
  }
}
