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
   * Events for a GET stream whose headers are on their way but whose connection is not attached
   * yet (see {@link #connect}), in order; null when no connection is on its way.
   */
  private List<Early> early;
  private int earlyBytes;
  private int earlyLimit; // at most this many bytes wait; more is not delivered
  private boolean earlyOver; // an event did not fit: the rest is refused too, and kept in order

  private record Early(String id, byte[] data, long retryMillis) {
  }

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

  /** Whether a live connection is attached (or on its way, or the answer is still pending). */
  public synchronized boolean isConnected() {
    return pending != null || early != null || channel != null && !channel.isClosed();
  }

  /**
   * Claims a GET stream with no live connection for one that is on its way: from now on, events
   * wait for {@link #attach(SseChannel)} rather than being dropped, so nothing sent between the
   * stream's headers leaving and its connection being attached is lost. False when a connection
   * is attached or on its way already.
   *
   * @param maxWaitingBytes the most bytes of events that may wait (the stream's backlog limit);
   *     an event past it is refused, as for a stream with no connection
   */
  public synchronized boolean connect(int maxWaitingBytes) {
    if (completed || isConnected()) {
      return false;
    }
    early = new java.util.ArrayList<>();
    earlyBytes = 0;
    earlyLimit = maxWaitingBytes;
    earlyOver = false;
    if (priming) {
      early.add(new Early(append(EMPTY), EMPTY, retryMillis)); // stored before any event
    }
    return true;
  }

  /** The connection claimed by {@link #connect} did not come: what waited for it is dropped. */
  public synchronized void connectFailed() {
    early = null;
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
    if (channel == null && store == null && early == null) {
      return false;
    }
    return write(SharedFrames.encode(message)) || channel != null || store != null;
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
    boolean live = channel != null; // not a reconnecting client's queue: attach drops those
    boolean delivered = write(JsonRpcCodec.instance().encode(response)) && live;
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
    early = null;
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
   * Readies the stream for a reconnecting client before its missed events are read from the
   * store: the old connection, if any, is closed, and from now on events wait for {@link
   * #attach(SseChannel, List)} as well as being stored. Read the store after this, so that every
   * event is either among those read or waiting (or both: {@code attach} sends it once).
   *
   * @param maxWaitingBytes the most bytes of events that may wait; later ones stay in the store
   */
  public synchronized void reconnecting(int maxWaitingBytes) {
    if (channel != null) {
      channel.close();
      channel = null;
    }
    if (!completed) {
      early = new java.util.ArrayList<>();
      earlyBytes = 0;
      earlyLimit = maxWaitingBytes;
      earlyOver = false;
    }
  }

  /**
   * Attaches a reconnecting client's connection: replays what it missed, then what was sent since
   * {@link #reconnecting} and is not among the missed, then goes on live (or ends, if the response
   * was among them).
   */
  public synchronized void attach(SseChannel newChannel, List<EventStore.StoredEvent> missed) {
    if (channel != null) {
      channel.close();
    }
    List<Early> waiting = early;
    early = null;
    java.util.Set<String> replayed = new java.util.HashSet<>();
    for (EventStore.StoredEvent e : missed) {
      replayed.add(e.id());
      if (e.data().length > 0 && !newChannel.send(e.id(), null, e.data(), 0)) {
        return;
      }
    }
    if (waiting != null) {
      for (Early e : waiting) {
        if ((e.id() == null || !replayed.contains(e.id()))
            && !newChannel.send(e.id(), null, e.data(), e.retryMillis())) {
          return;
        }
      }
    }
    channel = newChannel;
    if (endIfSomethingDidNotFit()) {
      return; // the store keeps the rest, the final answer too
    }
    channel = null;
    if (completed) {
      newChannel.close();
      dropStored();
      return;
    }
    channel = newChannel;
  }

  /**
   * Attaches a fresh connection to a stream that had none (the session's GET stream): the
   * priming event and whatever waited since {@link #connect} go first, in order.
   */
  public synchronized void attach(SseChannel newChannel) {
    if (channel != null) {
      channel.close();
    }
    channel = newChannel;
    List<Early> waiting = early;
    early = null;
    if (waiting == null) {
      if (priming) {
        channel.send(append(EMPTY), null, EMPTY, retryMillis);
      }
      return;
    }
    for (Early e : waiting) {
      if (!channel.send(e.id(), null, e.data(), e.retryMillis())) {
        return;
      }
    }
    endIfSomethingDidNotFit();
  }

  /**
   * After what waited was sent: if an event did not fit, a resumable stream closes the
   * connection, so that the client reconnects with the last id it has and gets the rest, in
   * order, from the store; true then.
   */
  private boolean endIfSomethingDidNotFit() {
    if (!earlyOver || store == null) {
      return false; // not resumable: what did not fit is gone, as for a stream with no connection
    }
    earlyOver = false;
    channel.close();
    channel = null;
    return true;
  }

  /** Closes the current connection, if any (shutdown, session end). */
  public synchronized void disconnect() {
    early = null;
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
    if (channel == null && early != null) {
      if (earlyOver || earlyBytes + data.length > earlyLimit) {
        earlyOver = true; // nothing after it may overtake it
        return false;
      }
      earlyBytes += data.length;
      early.add(new Early(id, data, 0));
      return true;
    }
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
