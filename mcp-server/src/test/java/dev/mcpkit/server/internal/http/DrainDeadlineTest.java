package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDK server reads what is left of an unread request body when a response ends, with no time
 * limit. {@link JdkHttpCall} gives that read the body deadline: the ending thread is interrupted
 * when it passes (the server's channel then closes), and the interrupt never outlives the ending.
 * The exchange here stands in for the JDK server's: its response body's close blocks like the
 * server's read of a body that never comes, and ends only when interrupted. The real server is
 * driven by {@code HttpCapacityContract.refusedRequestsWhoseBodiesNeverComeAreClosedWhileOthersAreAnswered}.
 */
class DrainDeadlineTest {

  @Test
  @Timeout(20)
  void anEndingThatWaitsForABodyIsCutAtTheDeadlineAndTheThreadKeepsNoInterrupt() throws Exception {
    BodyDeadlines deadlines = new BodyDeadlines(300);
    try {
      StalledExchange exchange = new StalledExchange(Long.MAX_VALUE);
      JdkHttpCall call = new JdkHttpCall(exchange);
      call.drainsWithin(deadlines);

      long t0 = System.nanoTime();
      HttpResponses.notFound(call);
      long tookMillis = (System.nanoTime() - t0) / 1_000_000;

      assertThat(exchange.cut.get()).isEqualTo(1);
      assertThat(tookMillis).isBetween(250L, 5_000L);
      assertThat(Thread.currentThread().isInterrupted()).isFalse();
    } finally {
      deadlines.close();
    }
  }

  @Test
  @Timeout(20)
  void aBodyThatWasReadIsNotWaitedForAndAnUnansweredCallIsClosedAtOnce() throws Exception {
    BodyDeadlines deadlines = new BodyDeadlines(60_000);
    try {
      StalledExchange read = new StalledExchange(0); // its close would not wait
      JdkHttpCall consumed = new JdkHttpCall(read);
      consumed.drainsWithin(deadlines);
      consumed.bodyConsumed();
      HttpResponses.notFound(consumed);

      StalledExchange unanswered = new StalledExchange(Long.MAX_VALUE);
      JdkHttpCall aborted = new JdkHttpCall(unanswered);
      aborted.drainsWithin(deadlines);
      aborted.abort(); // a body deadline passed before any answer
      HttpResponses.notFound(aborted);

      assertThat(read.closedExchange).isTrue();
      assertThat(unanswered.closedExchange).isTrue();
      assertThat(unanswered.started).as("no answer starts after the abort").isFalse();
    } finally {
      deadlines.close();
    }
  }

  @Test
  @Timeout(60)
  void cutsRacingTheEndOfTheirEndingsLeaveNoInterruptBehind() throws Exception {
    BodyDeadlines deadlines = new BodyDeadlines(60_000); // the cuts come from this test
    int rounds = 300;
    AtomicInteger leaked = new AtomicInteger();
    AtomicInteger cut = new AtomicInteger();
    try {
      for (int i = 0; i < rounds; i++) {
        // an ending that takes 0-200 us, unless cut first
        StalledExchange exchange = new StalledExchange(
            ThreadLocalRandom.current().nextLong(200_000));
        JdkHttpCall call = new JdkHttpCall(exchange);
        call.drainsWithin(deadlines);
        CountDownLatch ending = new CountDownLatch(1);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread server = new Thread(() -> {
          try {
            try {
              call.start(404, 1).close();
            } catch (IOException cutShort) {
              // the cut's end of the read: the JDK server swallows it the same way
            }
            ending.countDown();
            if (Thread.currentThread().isInterrupted()) {
              leaked.incrementAndGet();
            }
            Thread.sleep(1); // what the thread runs next: an interrupt left behind fails it
          } catch (InterruptedException e) {
            leaked.incrementAndGet();
          } catch (Throwable t) {
            failed.set(t);
          }
        });
        server.start();
        exchange.ending.await(5, TimeUnit.SECONDS);
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
        call.abort();
        server.join(5_000);

        assertThat(server.isAlive()).isFalse();
        assertThat(failed.get()).isNull();
        cut.addAndGet(exchange.cut.get());
      }
      assertThat(leaked.get()).isZero();
      assertThat(cut.get()).as("some cuts came before the ending was over").isPositive();
    } finally {
      deadlines.close();
    }
  }

  /**
   * An exchange of a POST that declared a body of 1,000 bytes: closing its response body waits
   * {@code stallNanos} (like the JDK server reading a body that does not come) unless interrupted.
   */
  private static final class StalledExchange extends HttpExchange {
    private final long stallNanos;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    final AtomicInteger cut = new AtomicInteger();
    final CountDownLatch ending = new CountDownLatch(1);
    volatile boolean closedExchange;
    volatile boolean started;

    StalledExchange(long stallNanos) {
      this.stallNanos = stallNanos;
      requestHeaders.set("Content-Length", "1000");
      requestHeaders.set("Host", "127.0.0.1:1");
    }

    @Override
    public Headers getRequestHeaders() {
      return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
      return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
      return URI.create("/elsewhere");
    }

    @Override
    public String getRequestMethod() {
      return "POST";
    }

    @Override
    public HttpContext getHttpContext() {
      return null;
    }

    @Override
    public void close() {
      closedExchange = true;
    }

    @Override
    public InputStream getRequestBody() {
      return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public OutputStream getResponseBody() {
      return new OutputStream() {
        @Override
        public void write(int b) {
          // dropped
        }

        @Override
        public void close() throws IOException {
          ending.countDown();
          long until = System.nanoTime() + stallNanos;
          while (stallNanos > 0 && System.nanoTime() - until < 0) {
            if (Thread.interrupted()) {
              cut.incrementAndGet();
              Thread.currentThread().interrupt(); // as a closed channel leaves it
              throw new InterruptedIOException("closed by interrupt");
            }
            LockSupport.parkNanos(Math.min(50_000, Math.max(1, until - System.nanoTime())));
          }
        }
      };
    }

    @Override
    public void sendResponseHeaders(int rCode, long responseLength) {
      started = true;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
      return new InetSocketAddress("127.0.0.1", 2);
    }

    @Override
    public int getResponseCode() {
      return -1;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
      return new InetSocketAddress("127.0.0.1", 1);
    }

    @Override
    public String getProtocol() {
      return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(String name) {
      return null;
    }

    @Override
    public void setAttribute(String name, Object value) {
      // none
    }

    @Override
    public void setStreams(InputStream i, OutputStream o) {
      // not used
    }

    @Override
    public HttpPrincipal getPrincipal() {
      return null;
    }
  }
}
