package dev.mcpkit.server.stdio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.engine.internal.SafeListener;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcParseException;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.LocalSessionState;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.ServerPeer;
import dev.mcpkit.server.internal.StatelessInfo;
import dev.mcpkit.server.internal.StatelessMeta;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.internal.protocol.StatelessRequests;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an {@link McpServer} over stdio, for clients that launch the server as a process: one
 * JSON-RPC message per line on stdin and stdout. Logs must go to stderr (configure the logging
 * backend so); nothing else may write to stdout. Serves the session protocol and 2026-07-28
 * requests (which carry their metadata on every request).
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *   StdioServer.serve(server); // returns when stdin closes
 * }
 * }</pre>
 */
public final class StdioServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(StdioServer.class);

  private final ServerCore core;
  private final BufferedReader in;
  private final OutputStream out;
  private final LocalSessionState session = new LocalSessionState(null);
  private long startedNanos;
  private final ProtocolEngine engine;
  private final ProtocolEngine statelessEngine;
  private static final int STATELESS_LIMIT = 64;
  /** Runs 2026-07-28 requests; refuses when full rather than run one on the reading thread. */
  private final ExecutorService executor =
      Threads.newRefusingExecutor("mcp-stdio", STATELESS_LIMIT);
  private final CountDownLatch done = new CountDownLatch(1);
  private final Peer peer = new Peer();
  private volatile boolean closed;

  private StdioServer(McpServer server, InputStream in, OutputStream out) {
    this.core = ServerAccess.core(server);
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
    Attributes attrs = new Attributes().put(Keys.SESSION, session)
        .put(dev.mcpkit.core.engine.ConnectionInfo.KEY, session)
        .put(Keys.PRINCIPAL, McpPrincipal.ANONYMOUS);
    this.engine = core.newEngine("stdio", (m, related) -> write(m), attrs,
        ProtocolRevision.latestSession());
    this.statelessEngine = core.newEngine("stdio-2026", (m, related) -> write(m),
        new Attributes().put(Keys.PRINCIPAL, McpPrincipal.ANONYMOUS)
            .put(dev.mcpkit.core.engine.ConnectionInfo.KEY, StatelessInfo.STDIO),
        ProtocolRevision.latest());
  }

  /** Serves on {@code System.in}/{@code System.out} until stdin closes. */
  public static void serve(McpServer server) throws InterruptedException {
    StdioServer stdio = start(server, System.in, System.out);
    stdio.awaitTermination();
  }

  /** Starts serving on the given streams, reading on a background thread. */
  public static StdioServer start(McpServer server, InputStream in, OutputStream out) {
    StdioServer s = new StdioServer(server, in, out);
    s.core.addPeer(s.peer);
    s.startedNanos = System.nanoTime();
    SafeListener.wrap(s.core.config().listener()).sessionStarted(s.session);
    Thread reader = new Thread(s::readLoop, "mcp-stdio-reader");
    reader.setDaemon(true);
    reader.start();
    return s;
  }

  /** Waits until the input ends or {@link #close()} is called. */
  public void awaitTermination() throws InterruptedException {
    done.await();
  }

  /** Stops serving: running requests are cancelled. Does not close the streams' owners. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    core.removePeer(peer);
    SafeListener.wrap(core.config().listener()).sessionEnded(session,
        System.nanoTime() - startedNanos, null);
    engine.close();
    statelessEngine.close();
    executor.shutdownNow();
    done.countDown();
  }

  private void readLoop() {
    try {
      String line;
      while (!closed && (line = in.readLine()) != null) {
        if (!line.isBlank()) {
          dispatch(line);
        }
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.debug("stdin failed: {}", e.toString());
      }
    } finally {
      close();
    }
  }

  private void dispatch(String line) {
    JsonRpcMessage message;
    try {
      message = JsonRpcCodec.instance().decode(line.getBytes(StandardCharsets.UTF_8));
    } catch (JsonRpcParseException e) {
      writeQuietly(e.toResponse());
      return;
    }
    if (message instanceof JsonRpcRequest request && StatelessRequests.carriesMeta(request)) {
      try {
        executor.execute(() -> stateless(request));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        writeQuietly(JsonRpcResponse.error(request.id(),
            dev.mcpkit.core.jsonrpc.ErrorCodes.INTERNAL_ERROR, "Server busy: "
                + request.method() + " was not run because all " + STATELESS_LIMIT
                + " request threads are busy; try again later"));
      }
      return;
    }
    engine.receive(message);
  }

  private void stateless(JsonRpcRequest request) {
    StatelessMeta meta;
    try {
      meta = StatelessRequests.read(request);
      StatelessRequests.checkVersion(meta);
      StatelessRequests.checkMethod(core, request.method());
    } catch (McpProtocolException e) {
      writeQuietly(JsonRpcResponse.error(request.id(), e.error()));
      return;
    }
    Attributes attrs = new Attributes(statelessEngine.attributes()).put(Keys.STATELESS, meta);
    JsonRpcResponse response = statelessEngine.handle(request, attrs);
    if (response != null) {
      writeQuietly(response);
    }
  }

  private void write(JsonRpcMessage message) throws IOException {
    byte[] bytes = JsonRpcCodec.instance().encode(message);
    synchronized (out) {
      out.write(bytes);
      out.write('\n');
      out.flush();
    }
  }

  private void writeQuietly(JsonRpcMessage message) {
    try {
      write(message);
    } catch (IOException e) {
      LOG.debug("stdout failed: {}", e.toString());
    }
  }

  /** Tells the stdio client about changes once it has initialized. */
  private final class Peer implements ServerPeer {
    @Override
    public void listChanged(String kind, String name) {
      if (session.protocolVersion() != null) {
        notifyClient("notifications/" + kind + "/list_changed", null);
      }
    }

    @Override
    public void resourceUpdated(String uri) {
      if (session.subscriptions().contains(uri)) {
        ObjectNode params = McpJson.object().put("uri", uri);
        notifyClient("notifications/resources/updated", params);
      }
    }

    private void notifyClient(String method, ObjectNode params) {
      try {
        engine.sendNotification(method, params);
      } catch (IOException | RuntimeException e) {
        LOG.debug("could not send {}: {}", method, e.toString());
      }
    }
  }
}
