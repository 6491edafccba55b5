package dev.mcpkit.server.internal.protocol;

import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.server.CompletionHandler;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.spi.RequestStateStore;
import java.time.Duration;
import java.util.List;

/**
 * What an {@code McpServer.Builder} configured.
 *
 * @param toolCallTimeoutOverride the environment's timeout for every call, or null
 * @param clock the clock {@code requestState} expiry reads
 */
public record ServerConfig(
    Implementation serverInfo,
    String instructions,
    CompletionHandler completions,
    boolean logging,
    boolean toolsCapability,
    boolean resourcesCapability,
    boolean promptsCapability,
    Duration toolCallTimeout,
    Duration toolCallTimeoutOverride,
    int pageSize,
    List<McpInterceptor> interceptors,
    McpEventListener listener,
    byte[] requestStateKey,
    Duration requestStateTtl,
    long cacheTtlMillis,
    CacheScope cacheScope,
    java.time.Clock clock,
    RequestStateStore requestStateStore) {

  /** Without a store: a per-JVM one holding {@code requestStateKey} (or a random key). */
  public ServerConfig(Implementation serverInfo, String instructions, CompletionHandler completions,
      boolean logging, boolean toolsCapability, boolean resourcesCapability,
      boolean promptsCapability, Duration toolCallTimeout, Duration toolCallTimeoutOverride,
      int pageSize, List<McpInterceptor> interceptors, McpEventListener listener,
      byte[] requestStateKey, Duration requestStateTtl, long cacheTtlMillis,
      CacheScope cacheScope, java.time.Clock clock) {
    this(serverInfo, instructions, completions, logging, toolsCapability, resourcesCapability,
        promptsCapability, toolCallTimeout, toolCallTimeoutOverride, pageSize, interceptors,
        listener, requestStateKey, requestStateTtl, cacheTtlMillis, cacheScope, clock, null);
  }

  public ServerConfig {
    if (clock == null) {
      clock = java.time.Clock.systemUTC();
    }
    if (requestStateStore == null) {
      requestStateStore = RequestStateStore.inMemory(requestStateKey);
    }
  }

  /** The timeout a call of {@code tool} gets. */
  public Duration timeoutOf(ToolDefinition tool) {
    if (toolCallTimeoutOverride != null) {
      return toolCallTimeoutOverride;
    }
    return tool.timeout() != null ? tool.timeout() : toolCallTimeout;
  }

  /**
   * Reads the override from the environment variable {@code name} (milliseconds), or null.
   *
   * @throws IllegalStateException naming the variable when its value is not a positive number
   */
  public static Duration timeoutFromEnvironment(String name) {
    return timeoutFromEnvironment(name, System::getenv);
  }

  /** As {@link #timeoutFromEnvironment(String)}, reading variables through {@code env}. */
  public static Duration timeoutFromEnvironment(String name,
      java.util.function.UnaryOperator<String> env) {
    String value = env.apply(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      long millis = Long.parseLong(value.trim());
      if (millis <= 0) {
        throw new NumberFormatException();
      }
      return Duration.ofMillis(millis);
    } catch (NumberFormatException e) {
      throw new IllegalStateException("environment variable " + name + " must be a positive"
          + " number of milliseconds, got '" + value + "'");
    }
  }
}
