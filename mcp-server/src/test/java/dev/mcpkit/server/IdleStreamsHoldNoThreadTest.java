package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.engine.internal.Threads;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * On the embedded server, on Java 17 and 21+, an idle event stream holds no thread at all, not
 * even a parked virtual one: a thread dump (one that lists virtual threads on 21+) finds only the
 * selecting thread in the server's code while streams are open, and the keep-alives still reach
 * every stream (written without waiting by whoever sends them).
 */
class IdleStreamsHoldNoThreadTest {
  private static final int STREAMS = 200;
  private McpHttpServer http;
  private final List<RawHttp> streams = new ArrayList<>();

  @AfterEach
  void stop() {
    streams.forEach(RawHttp::close);
    if (http != null) {
      http.close();
    }
  }

  @Test
  @Timeout(60)
  void openStreamsAreNotInAnyThreadAndStillGetTheirKeepAlives() throws Exception {
    http = McpHttpServer.builder()
        .options(McpHttpOptions.builder().keepAliveInterval(Duration.ofMillis(300))
            .maxOpenStreamsPerSession(STREAMS).build())
        .endpoint(McpEndpoint.at("/mcp", TestTools.server().build())).start();
    for (int i = 0; i < STREAMS; i++) {
      RawHttp s = new RawHttp(http.baseUri());
      streams.add(s);
      s.getStream(i % 2 == 0 ? "/mcp" : "/sse");
      assertThat(s.readStatus()).isEqualTo(200);
      assertThat(s.readEventData("endpoint")).contains("sessionId=");
    }
    assertThat(http.openStreamCount()).isEqualTo(STREAMS);

    long inServerCode = threadsIn("dev.mcpkit.server.");

    for (RawHttp s : streams) {
      assertThat(s.readUntil(":")).isTrue(); // a keep-alive comment arrived
    }
    assertThat(inServerCode).as("threads, virtual ones included, in the server's code")
        .isLessThan(5);
    assertThat(http.openStreamCount()).isEqualTo(STREAMS);
  }

  /**
   * Threads, virtual ones included, with a frame of a class under {@code prefix} in their stack
   * (a thread dump of the whole JVM; the JDK lists virtual threads only in such a dump).
   */
  private static long threadsIn(String prefix) throws Exception {
    if (!Threads.hasVirtualThreads()) {
      // Java 17: every thread is a platform thread, and all of them are listed here
      return Thread.getAllStackTraces().entrySet().stream()
          .filter(e -> java.util.Arrays.stream(e.getValue())
              .anyMatch(f -> f.getClassName().startsWith(prefix)))
          .filter(e -> java.util.Arrays.stream(e.getValue())
              .noneMatch(f -> f.getClassName().contains("IdleStreamsHoldNoThreadTest")))
          .count();
    }
    Path file = Files.createTempDirectory("dump").resolve("threads.txt");
    Object bean = ManagementFactory.getPlatformMXBean(
        com.sun.management.HotSpotDiagnosticMXBean.class);
    Class<?> format = Class.forName("com.sun.management.HotSpotDiagnosticMXBean$ThreadDumpFormat");
    Object text = format.getField("TEXT_PLAIN").get(null);
    // Java 21+ API, called reflectively: the tests compile for Java 17
    com.sun.management.HotSpotDiagnosticMXBean.class.getMethod("dumpThreads", String.class,
        format).invoke(bean, file.toString(), text);
    String dump = Files.readString(file);
    Files.delete(file);
    long count = 0;
    // threads are separated by blank lines; each begins with "#<id>"
    for (String thread : dump.split("\n\\s*\n")) {
      if (thread.contains(prefix) && !thread.contains("IdleStreamsHoldNoThreadTest")) {
        count++;
      }
    }
    return count;
  }
}
