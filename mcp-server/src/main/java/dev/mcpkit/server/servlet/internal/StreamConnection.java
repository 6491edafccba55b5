package dev.mcpkit.server.servlet.internal;

import dev.mcpkit.server.internal.http.StreamEvents;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Optional;

/**
 * The connection of an open event stream, taken over from a servlet container that keeps large
 * per-request buffers for as long as a request is open (Tomcat: about 55 KB). The stream's status
 * line and headers are sent as an ordinary response with {@code Connection: close} and neither a
 * length nor chunking, so its body runs until the connection closes; then the container hands the
 * connection over (the Servlet API's protocol upgrade) and recycles the request. What remains is
 * the connection and its socket buffers.
 *
 * <p>Writes are non-blocking: {@link #writable()} tells whether the connection takes bytes now,
 * and the events' {@code writable()} follows when it does again. The client's end is read without
 * a thread, so a client that goes away is noticed at once rather than at the next write.
 *
 * <p>Public only because the container instantiates it by reflection; not API.
 */
public final class StreamConnection implements HttpUpgradeHandler {
  /** Bytes a client may send after its request before its connection is closed. */
  private static final int MAX_DISCARDED_BYTES = 8192;

  private WebConnection connection; // these guarded by this
  private ServletOutputStream out;
  private boolean listening; // the write listener is set: isReady() may be asked
  private boolean closed;
  private boolean told;
  private StreamEvents events;
  private int discarded;

  /** For the container. */
  public StreamConnection() {}

  /** Who hears of writability and the end; set before the container hands the connection over. */
  public synchronized void events(StreamEvents events) {
    this.events = events;
  }

  /** The stream's body: writes go to the connection once the container has handed it over. */
  public OutputStream output() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        target().write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        StreamConnection.this.flush();
      }
    };
  }

  private synchronized ServletOutputStream target() throws IOException {
    if (closed || out == null) {
      throw new IOException("the stream's connection is closed or not handed over yet");
    }
    return out;
  }

  /** Whether a write would not block now; false also means {@code writable()} follows. */
  public boolean writable() {
    ServletOutputStream o;
    synchronized (this) {
      if (closed || !listening) {
        return false;
      }
      o = out;
    }
    try {
      return o.isReady();
    } catch (RuntimeException e) {
      return false; // closed under us
    }
  }

  /** Pushes written bytes to the client; non-blocking. */
  public void flush() throws IOException {
    ServletOutputStream o;
    synchronized (this) {
      if (closed || !listening) {
        return;
      }
      o = out;
    }
    o.flush();
  }

  /** Closes the connection (which ends the stream's body); idempotent, any thread. */
  public void close() {
    WebConnection c;
    ServletOutputStream o;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      c = connection;
      o = out;
    }
    if (c != null) {
      closeQuietly(c);
      if (o != null) {
        Wake.up(o);
      }
    }
  }

  @Override
  public void init(WebConnection wc) {
    boolean closeNow;
    synchronized (this) {
      connection = wc;
      closeNow = closed;
    }
    if (closeNow) {
      closeQuietly(wc);
      tellGone();
      return;
    }
    try {
      ServletInputStream in = wc.getInputStream();
      ServletOutputStream o = wc.getOutputStream();
      synchronized (this) {
        out = o;
      }
      in.setReadListener(new ClientEnd(in));
      o.setWriteListener(new WriteListener() {
        @Override
        public void onWritePossible() {
          tellWritable();
        }

        @Override
        public void onError(Throwable t) {
          end();
        }
      });
      synchronized (this) {
        listening = true;
      }
      tellWritable(); // what was queued before the hand-over goes out now
    } catch (IOException | RuntimeException e) {
      end();
    }
  }

  @Override
  public void destroy() {
    end();
  }

  /** The connection is over: closes it (if it is not already) and tells the stream, once. */
  private void end() {
    close();
    tellGone();
  }

  private void tellWritable() {
    StreamEvents e;
    synchronized (this) {
      e = closed ? null : events;
    }
    if (e != null) {
      e.writable();
    }
  }

  private void tellGone() {
    StreamEvents e;
    synchronized (this) {
      if (told) {
        return;
      }
      told = true;
      e = events;
    }
    if (e != null) {
      e.gone();
    }
  }

  private static void closeQuietly(WebConnection c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closed already, or the container is stopping
    }
  }

  /**
   * Has the container look at a connection whose streams were closed on a thread of ours. Tomcat
   * closes an upgraded connection when it next dispatches it, and only an event on the socket
   * dispatches it: without this, a stream ended by the server (its session deleted, the server
   * stopping, a client that does not read) would keep its connection until the client leaves.
   * There is no API for it, so this asks the connection's socket wrapper for a read event, found
   * by reflection and checked by name; where that fails the connection waits for the client.
   */
  private static final class Wake {
    private static final ClassValue<Optional<MethodHandle>> HANDLES = new ClassValue<>() {
      @Override
      protected Optional<MethodHandle> computeValue(Class<?> type) {
        return find(type);
      }
    };
    private static final java.util.concurrent.atomic.AtomicBoolean WARNED =
        new java.util.concurrent.atomic.AtomicBoolean();

    static void up(ServletOutputStream out) {
      MethodHandle wake = HANDLES.get(out.getClass()).orElse(null);
      if (wake == null) {
        return;
      }
      try {
        wake.invoke(out);
      } catch (Throwable t) {
        if (WARNED.compareAndSet(false, true)) {
          org.slf4j.LoggerFactory.getLogger(StreamConnection.class).debug("could not ask the"
              + " container to close an ended stream's connection ({})", t.getClass().getName());
        }
      }
    }

    /** {@code out.socketWrapper.processSocket(SocketEvent.OPEN_READ, true)}, or nothing. */
    private static Optional<MethodHandle> find(Class<?> type) {
      try {
        java.lang.reflect.Field field = type.getDeclaredField("socketWrapper");
        field.setAccessible(true);
        Class<?> wrapper = field.getType();
        ClassLoader loader = wrapper.getClassLoader();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object openRead = Enum.valueOf((Class) Class.forName(
            "org.apache.tomcat.util.net.SocketEvent", false, loader), "OPEN_READ");
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        MethodHandle process = lookup.unreflect(
            wrapper.getMethod("processSocket", openRead.getClass(), boolean.class));
        MethodHandle get = lookup.unreflectGetter(field);
        // (out) -> process(get(out), OPEN_READ, true)
        MethodHandle bound = MethodHandles.insertArguments(process, 1, openRead, true);
        return Optional.of(MethodHandles.filterArguments(bound, 0, get));
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return Optional.empty();
      }
    }
  }

  /** Reads the client's side: its end (or an error) means the client went away. */
  private final class ClientEnd implements ReadListener {
    private final ServletInputStream in;
    private final byte[] buffer = new byte[256];

    ClientEnd(ServletInputStream in) {
      this.in = in;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady()) {
        int n = in.read(buffer);
        if (n < 0) {
          onAllDataRead();
          return;
        }
        boolean tooMuch;
        synchronized (StreamConnection.this) {
          discarded += n;
          tooMuch = discarded > MAX_DISCARDED_BYTES;
        }
        if (tooMuch) { // a stream's client has nothing to send: not a client we serve
          onError(null);
          return;
        }
      }
    }

    @Override
    public void onAllDataRead() {
      end();
    }

    @Override
    public void onError(Throwable t) {
      end();
    }
  }
}
