package dev.mcpkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.core.McpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine given a timer schedules its request timeouts there and leaves it running. */
class InjectedTimerTest {
  /** A host timer that fires every timeout at once and remembers the delay it was asked for. */
  static final class ImpatientTimer extends ScheduledThreadPoolExecutor {
    final AtomicLong askedMillis = new AtomicLong(-1);

    ImpatientTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      askedMillis.set(unit.toMillis(delay));
      return super.schedule(command, 0, unit);
    }
  }

  private final ImpatientTimer timer = new ImpatientTimer();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void aRequestTimesOutOnTheGivenTimerAndClosingTheEngineLeavesTheTimerRunning() {
    ProtocolEngine engine = ProtocolEngine.builder()
        .outbound((message, related) -> { }) // a peer that never answers
        .timer(timer)
        .build();

    assertThatThrownBy(() -> engine.sendRequest("tools/list", null,
        RequestOptions.timeout(Duration.ofHours(1))))
        .isInstanceOf(McpTimeoutException.class);
    engine.close();

    assertThat(timer.askedMillis.get()).isEqualTo(Duration.ofHours(1).toMillis());
    assertThat(engine.pendingRequests()).isZero();
    assertThat(timer.isShutdown()).isFalse();
  }
}
