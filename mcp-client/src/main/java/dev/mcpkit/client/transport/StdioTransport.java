package dev.mcpkit.client.transport;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.transport.McpTransport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stdio transport, client side: launches the server as a child process and exchanges
 * newline-delimited JSON-RPC messages over its stdin and stdout. Its stderr is forwarded to the
 * logger {@code dev.mcpkit.client.transport.StdioTransport} at INFO. On close, stdin is closed, then
 * the process is asked to end, then killed if it has not exited within the shutdown timeout.
 *
 * <p>Threading: {@link #send} writes on the calling thread (writes are serialised); messages are
 * delivered on a reader thread, one at a time, in order.
 */
public final class StdioTransport implements McpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
  private static final long KILL_WAIT_MS = 5000;

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path directory;
  private final Duration shutdownTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private final Object writeLock = new Object();
  private volatile Process process;
  private volatile Listener listener;
  private OutputStream stdin;

  private StdioTransport(Builder b) {
    this.command = List.copyOf(b.command);
    this.environment = Map.copyOf(b.environment);
    this.directory = b.directory;
    this.shutdownTimeout = b.shutdownTimeout;
  }

  /** A transport that runs {@code command} (program and arguments). */
  public static Builder builder(List<String> command) {
    return new Builder(command);
  }

  public static Builder builder(String... command) {
    return new Builder(List.of(command));
  }

  /** The command line. */
  public String commandLine() {
    return String.join(" ", command);
  }

  /** The command line shortened for messages. */
  private String shown() {
    String line = commandLine();
    return line.length() > 120 ? line.substring(0, 117) + "..." : line;
  }

  /** The running process, or null before {@link #start}. */
  public Process process() {
    return process;
  }

  @Override
  public void start(Listener listener) throws IOException {
    if (this.listener != null) {
      throw new IllegalStateException("transport '" + shown() + "' already started");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(environment);
    if (directory != null) {
      pb.directory(directory.toFile());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IOException("cannot start '" + shown() + "': " + e.getMessage(), e);
    }
    process = p;
    stdin = p.getOutputStream();
    daemon("mcp-stdio-out-" + p.pid(), this::readStdout);
    daemon("mcp-stdio-err-" + p.pid(), this::readStderr);
  }

  private void readStdout() {
    Process p = process;
    Throwable cause = null;
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonRpcMessage m;
        try {
          m = JsonRpcCodec.instance().decode(line);
        } catch (RuntimeException e) {
          LOG.warn("'{}' wrote a line that is not JSON-RPC: {}", shown(),
              line.length() > 200 ? line.substring(0, 200) + "..." : line);
          listener.onError(e);
          continue;
        }
        listener.onMessage(m);
      }
    } catch (IOException e) {
      if (!closed.get()) {
        cause = e;
      }
    }
    if (!closed.get()) {
      String status = exitStatus(p);
      cause = new IOException("server process '" + shown() + "' closed its stdout" + status,
          cause);
      closed.set(true);
      closeStdin();
    }
    if (closeReported.compareAndSet(false, true)) {
      listener.onClose(cause);
    }
  }

  private static String exitStatus(Process p) {
    try {
      if (p.waitFor(200, TimeUnit.MILLISECONDS)) {
        return " (exit code " + p.exitValue() + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "";
  }

  private void readStderr() {
    Process p = process;
    try (BufferedReader err = new BufferedReader(
        new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        LOG.info("[{}] {}", command.get(0), line);
      }
    } catch (IOException e) {
      LOG.debug("stderr of '{}' ended: {}", shown(), e.toString());
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    byte[] bytes = JsonRpcCodec.instance().encode(message);
    synchronized (writeLock) {
      if (closed.get() || stdin == null) {
        throw new IOException("server process '" + shown() + "' is "
            + (stdin == null ? "not started" : "closed"));
      }
      try {
        stdin.write(bytes);
        stdin.write('\n');
        stdin.flush();
      } catch (IOException e) {
        throw new IOException("writing to server process '" + shown() + "' failed"
            + exitStatus(process) + ": " + e.getMessage(), e);
      }
    }
  }

  private void closeStdin() {
    synchronized (writeLock) {
      try {
        if (stdin != null) {
          stdin.close();
        }
      } catch (IOException ignored) {
        // the process is going away anyway
      }
    }
  }

  /** Closes stdin, waits for the process, then terminates and finally kills it. Idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeStdin();
    Process p = process;
    if (p != null) {
      try {
        long millis = shutdownTimeout.toMillis();
        if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
          p.destroy();
          if (!p.waitFor(millis, TimeUnit.MILLISECONDS)) {
            LOG.warn("server process '{}' did not exit; killing it", shown());
            p.destroyForcibly();
            // a kill cannot be refused; wait for it to take effect even on a loaded machine
            if (!p.waitFor(Math.max(millis, KILL_WAIT_MS), TimeUnit.MILLISECONDS)) {
              LOG.warn("server process '{}' is still alive after being killed", shown());
            }
          }
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    Listener l = listener;
    if (l != null && closeReported.compareAndSet(false, true)) {
      l.onClose(null);
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }

  /** Builds a {@link StdioTransport}. */
  public static final class Builder {
    private final List<String> command;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Path directory;
    private Duration shutdownTimeout = Duration.ofSeconds(2);

    private Builder(List<String> command) {
      if (command == null || command.isEmpty() || command.get(0).isBlank()) {
        throw new IllegalArgumentException("stdio transport needs a command, e.g. [\"npx\", \"server\"]");
      }
      this.command = List.copyOf(command);
    }

    /** Adds an environment variable for the process (the parent's environment is inherited). */
    public Builder env(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** How long close waits at each step (stdin closed, then terminate) before escalating; 2 s. */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public StdioTransport build() {
      return new StdioTransport(this);
    }
  }
}
