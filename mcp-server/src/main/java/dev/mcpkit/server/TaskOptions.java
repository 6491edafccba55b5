package dev.mcpkit.server;

import dev.mcpkit.server.spi.TaskStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server runs tools as tasks ({@code McpServer.Builder.tasks(...)}). Which tools may run as
 * tasks is said per tool ({@link ToolDefinition.Builder#taskSupport}); without these options no
 * tool runs as a task and the capability is not advertised.
 *
 * <pre>{@code
 * McpServer.builder().tasks(TaskOptions.builder().ttl(Duration.ofHours(1)).build())
 * }</pre>
 */
public final class TaskOptions {
  private final TaskStore store;
  private final Clock clock;
  private final Duration ttl;
  private final Duration maxTtl;
  private final Duration pollInterval;
  private final int maxActivePerOwner;
  private final int maxActive;

  private TaskOptions(Builder b) {
    this.store = b.store != null ? b.store : TaskStore.inMemory(b.maxStored);
    this.clock = b.clock;
    this.ttl = b.ttl;
    this.maxTtl = b.maxTtl;
    this.pollInterval = b.pollInterval;
    this.maxActivePerOwner = b.maxActivePerOwner;
    this.maxActive = b.maxActive;
  }

  /** The defaults: in-memory store (10,000 tasks), 1 h retention, 1 s poll interval. */
  public static TaskOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public TaskStore store() {
    return store;
  }

  public Clock clock() {
    return clock;
  }

  /** Retention of a task from its creation when the client asks for none. */
  public Duration ttl() {
    return ttl;
  }

  /** The longest retention a client may ask for (2025-11-25 {@code task.ttl}). */
  public Duration maxTtl() {
    return maxTtl;
  }

  public Duration pollInterval() {
    return pollInterval;
  }

  /** Unfinished tasks one owner (caller, or session) may have at once. */
  public int maxActivePerOwner() {
    return maxActivePerOwner;
  }

  /** Unfinished tasks the whole server runs at once. */
  public int maxActive() {
    return maxActive;
  }

  /** Builder; every setter checks its argument and names it when it is wrong. */
  public static final class Builder {
    private TaskStore store;
    private int maxStored = 10_000;
    private Clock clock = Clock.systemUTC();
    private Duration ttl = Duration.ofHours(1);
    private Duration maxTtl = Duration.ofDays(1);
    private Duration pollInterval = Duration.ofSeconds(1);
    private int maxActivePerOwner = 100;
    private int maxActive = 1_000;

    private Builder() {}

    /** Where tasks live; default {@code TaskStore.inMemory(10_000)}. */
    public Builder store(TaskStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock for timestamps and expiry (tests pass a fixed or stepping clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Retention of a task from its creation when the client asks for none; default 1 h. */
    public Builder ttl(Duration ttl) {
      this.ttl = positive(ttl, "ttl");
      return this;
    }

    /** The longest retention a client may ask for; default 1 day. */
    public Builder maxTtl(Duration maxTtl) {
      this.maxTtl = positive(maxTtl, "maxTtl");
      return this;
    }

    /** The poll interval suggested to clients; default 1 s. */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "pollInterval");
      return this;
    }

    /** Unfinished tasks one owner may have at once; default 100. */
    public Builder maxActivePerOwner(int max) {
      this.maxActivePerOwner = atLeastOne(max, "maxActivePerOwner");
      return this;
    }

    /** Unfinished tasks the server runs at once; default 1,000. */
    public Builder maxActive(int max) {
      this.maxActive = atLeastOne(max, "maxActive");
      return this;
    }

    public TaskOptions build() {
      if (maxTtl.compareTo(ttl) < 0) {
        throw new IllegalArgumentException("maxTtl (" + maxTtl + ") must not be shorter than ttl ("
            + ttl + ")");
      }
      return new TaskOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
      }
      return d;
    }

    private static int atLeastOne(int n, String name) {
      if (n < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, got " + n);
      }
      return n;
    }
  }
}
