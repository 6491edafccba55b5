package dev.mcpkit.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Everything a test's code logs, whichever way: SLF4J (the simple binding writes to
 * {@code System.err}), {@code java.util.logging} (Tomcat, the JDK's HTTP server) at every level for
 * the loggers named, and anything written to {@code System.out} or {@code System.err}. The
 * streams are still written through, so the test report keeps them.
 */
final class LogCapture implements AutoCloseable {
  private final PrintStream originalOut = System.out;
  private final PrintStream originalErr = System.err;
  private final ByteArrayOutputStream streams = new ByteArrayOutputStream();
  private final ConcurrentLinkedQueue<String> records = new ConcurrentLinkedQueue<>();
  private final Logger root = Logger.getLogger("");
  private final List<Logger> verbose;
  private final List<Level> levelsBefore;
  private final Handler handler = new Handler() {
    private final SimpleFormatter format = new SimpleFormatter();

    @Override
    public void publish(LogRecord r) {
      StringWriter text = new StringWriter().append(format.format(r));
      if (r.getThrown() != null) {
        r.getThrown().printStackTrace(new PrintWriter(text));
      }
      records.add(text.toString());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** @param verboseLoggers java.util.logging loggers to open to every level while capturing */
  LogCapture(String... verboseLoggers) {
    verbose = java.util.Arrays.stream(verboseLoggers).map(Logger::getLogger).toList();
    levelsBefore = verbose.stream().map(Logger::getLevel).toList();
    verbose.forEach(l -> l.setLevel(Level.ALL));
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    System.setOut(new PrintStream(tee(originalOut), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(originalErr), true, StandardCharsets.UTF_8));
  }

  private OutputStream tee(PrintStream through) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (streams) {
          streams.write(b);
        }
        through.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (streams) {
          streams.write(b, off, len);
        }
        through.write(b, off, len);
      }
    };
  }

  /** All captured so far: log records with their stack traces, then both streams. */
  String text() {
    StringBuilder all = new StringBuilder();
    records.forEach(all::append);
    synchronized (streams) {
      all.append(streams.toString(StandardCharsets.UTF_8));
    }
    return all.toString();
  }

  @Override
  public void close() {
    System.setOut(originalOut);
    System.setErr(originalErr);
    root.removeHandler(handler);
    for (int i = 0; i < verbose.size(); i++) {
      verbose.get(i).setLevel(levelsBefore.get(i));
    }
  }
}
