package dev.mcpkit.server;

import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.RejectedTool;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.protocol.ServerConfig;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.spi.RequestStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MCP server: the tools, resources and prompts a host offers, and how calls run (timeouts,
 * interceptors, the event listener). Transport-neutral: serve it over HTTP with {@link
 * McpHttpServer} or the servlet adapter, or over stdio. Tools, resources and prompts can be added
 * and removed while it runs; clients that listen are told. Thread-safe.
 *
 * <pre>{@code
 * McpServer server = McpServer.builder()
 *     .name("weather").version("1.0.0")
 *     .tool(ToolDefinition.builder("get_forecast")
 *         .description("Weather forecast for a city")
 *         .handler(Forecast.class, (args, ctx) -> CallToolResult.text("Sunny in " + args.city()))
 *         .build())
 *     .build();
 * McpHttpServer http = McpHttpServer.start(server, 8080); // http://127.0.0.1:8080/mcp
 * }</pre>
 */
public final class McpServer {
  /** The environment variable that overrides every tool call timeout, in milliseconds. */
  public static final String TOOL_CALL_TIMEOUT_ENV = "MCP_SERVER_TOOL_CALL_TIMEOUT";

  static {
    ServerAccess.install(new ServerAccess() {
      @Override
      protected ServerCore coreOf(McpServer server) {
        return server.core;
      }

      @Override
      protected String tokenOf(McpEndpoint endpoint) {
        return endpoint.token();
      }

      @Override
      protected boolean explorerPageOf(McpEndpoint endpoint, boolean byDefault) {
        return endpoint.servesExplorerPage(byDefault);
      }

      @Override
      protected AuthHint explorerCredentialOf(McpEndpoint endpoint) {
        return endpoint.explorerCredential();
      }
    });
  }

  private static final Logger LOG = LoggerFactory.getLogger(McpServer.class);

  private final ServerCore core;
  private final List<RejectedTool> rejected = new CopyOnWriteArrayList<>();

  private McpServer(Builder b) {
    this.core = new ServerCore(b.config(), b.tools, b.resources, b.prompts, b.tasks);
    b.toolsIfValid.forEach(this::addToolIfValid);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The server's name and version as clients see them. */
  public Implementation serverInfo() {
    return core.config().serverInfo();
  }

  /**
   * Adds a tool while the server runs and tells listening clients.
   *
   * @throws IllegalArgumentException when a tool with that name exists
   */
  public void addTool(ToolDefinition tool) {
    core.tools().add(tool);
    rejected.removeIf(r -> r.name().equals(tool.name()));
  }

  /**
   * Builds and adds a tool if it is valid and its name is free; otherwise the server goes on
   * without it, logs a warning naming the tool and the problem, and lists it in {@link
   * #rejectedTools()} (and on the explorer page) with that reason. For tools defined by data
   * (configuration, another system's descriptions) that one bad entry should not take down.
   *
   * @return whether the tool was added
   */
  public boolean addToolIfValid(ToolDefinition.Builder tool) {
    Objects.requireNonNull(tool, "tool");
    String name = tool.name() == null || tool.name().isEmpty() ? "(no name)" : tool.name();
    try {
      ToolDefinition built = tool.build();
      core.tools().add(built);
      rejected.removeIf(r -> r.name().equals(name));
      return true;
    } catch (IllegalArgumentException | IllegalStateException e) {
      LOG.warn("tool '{}' was not added: {}", name, e.getMessage());
      rejected.removeIf(r -> r.name().equals(name));
      rejected.add(new RejectedTool(name, e.getMessage()));
      return false;
    }
  }

  /** The tools {@link #addToolIfValid} turned down, with the reason, oldest first. */
  public List<RejectedTool> rejectedTools() {
    return List.copyOf(rejected);
  }

  /** Removes a tool; returns whether it existed. Calls already running finish. */
  public boolean removeTool(String name) {
    return core.tools().remove(name);
  }

  /** The tools, in the order {@code tools/list} gives them (by name). */
  public List<ToolDefinition> tools() {
    return core.tools().all();
  }

  /** Adds a resource or template while the server runs. */
  public void addResource(ResourceDefinition resource) {
    core.addResource(resource);
  }

  public boolean removeResource(String uriOrTemplate) {
    return core.removeResource(uriOrTemplate);
  }

  public void addPrompt(PromptDefinition prompt) {
    core.prompts().add(prompt);
  }

  public boolean removePrompt(String name) {
    return core.prompts().remove(name);
  }

  /** Tells clients subscribed to {@code uri} that the resource changed. */
  public void notifyResourceUpdated(String uri) {
    core.resourceUpdated(Objects.requireNonNull(uri, "uri"));
  }

  @Override
  public String toString() {
    return "McpServer[" + core.config().serverInfo().name() + ", " + core.tools().size()
        + " tools]";
  }

  /** Builds an {@link McpServer}. A name is required; everything else has a default. */
  public static final class Builder {
    private String name;
    private String version = "0.0.0";
    private String title;
    private String instructions;
    private final List<ToolDefinition> tools = new ArrayList<>();
    private final List<ToolDefinition.Builder> toolsIfValid = new ArrayList<>();
    private final List<ResourceDefinition> resources = new ArrayList<>();
    private final List<PromptDefinition> prompts = new ArrayList<>();
    private CompletionHandler completions;
    private boolean logging;
    private boolean toolsCapability;
    private boolean resourcesCapability;
    private boolean promptsCapability;
    private Duration toolCallTimeout = Duration.ofSeconds(30);
    private int pageSize = 100;
    private final List<McpInterceptor> interceptors = new ArrayList<>();
    private McpEventListener listener = McpEventListener.NONE;
    private byte[] requestStateKey;
    private RequestStateStore requestStateStore;
    private Duration requestStateTtl = Duration.ofMinutes(10);
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private long cacheTtlMillis;
    private CacheScope cacheScope = CacheScope.PRIVATE;
    private TaskOptions tasks;

    private Builder() {}

    /** The server's name as clients see it (in {@code serverInfo}). Required. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Guidance for the model on how to use the server, sent at initialization. */
    public Builder instructions(String instructions) {
      this.instructions = instructions;
      return this;
    }

    public Builder tool(ToolDefinition tool) {
      tools.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /**
     * Adds the tool when the server is built if it is valid and its name is free; otherwise the
     * server starts without it and reports it (see {@link McpServer#addToolIfValid}).
     */
    public Builder toolIfValid(ToolDefinition.Builder tool) {
      toolsIfValid.add(Objects.requireNonNull(tool, "tool"));
      return this;
    }

    /** Declares the tools capability even with no tool yet (tools will be added at run time). */
    public Builder toolsCapability() {
      this.toolsCapability = true;
      return this;
    }

    public Builder resource(ResourceDefinition resource) {
      resources.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    public Builder resourcesCapability() {
      this.resourcesCapability = true;
      return this;
    }

    public Builder prompt(PromptDefinition prompt) {
      prompts.add(Objects.requireNonNull(prompt, "prompt"));
      return this;
    }

    public Builder promptsCapability() {
      this.promptsCapability = true;
      return this;
    }

    /** Answers {@code completion/complete} (and declares the completions capability). */
    public Builder completions(CompletionHandler handler) {
      this.completions = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Declares the logging capability, so handlers' {@link CallContext#log} messages reach clients
     * (without it they go nowhere).
     */
    public Builder logging() {
      this.logging = true;
      return this;
    }

    /**
     * How long a tool call may run (default 30 s); a tool's own timeout wins over this, and the
     * environment variable {@value #TOOL_CALL_TIMEOUT_ENV} (milliseconds) over both.
     */
    public Builder toolCallTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("toolCallTimeout must be positive, got " + timeout);
      }
      this.toolCallTimeout = timeout;
      return this;
    }

    /** Items per page of {@code tools/list} and the other lists (default 100). */
    public Builder pageSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, got " + size);
      }
      this.pageSize = size;
      return this;
    }

    /** Wraps every request the server answers (rewrite arguments, results; refuse). */
    public Builder addInterceptor(McpInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Observes every request (audit, metrics); see {@link ActivityLog}. */
    public Builder listener(McpEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The HMAC key that protects 2026-07-28 {@code requestState} (at least 32 bytes). Give every
     * instance behind a load balancer the same key; the default is a random key per JVM, so state
     * does not survive a restart.
     */
    public Builder requestStateKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException("requestStateKey must be at least 32 bytes (256 bits),"
            + " got " + key.length);
      }
      this.requestStateKey = key.clone();
      return this;
    }

    /**
     * Where the 2026-07-28 {@code requestState} key and the record of accepted states live. Give
     * every instance behind a load balancer one shared store (mcp-postgres has one): a state minted
     * by any instance is then accepted by every other, and only once across them. Replaces {@link
     * #requestStateKey}; the default keeps both in this JVM.
     */
    public Builder requestStateStore(RequestStateStore store) {
      this.requestStateStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** How long an {@code input_required} answer may take before its state expires (10 min). */
    /**
     * The clock {@code requestState} expiry reads (default the system clock); tests move their
     * own. Session expiry reads {@link McpHttpOptions.Builder#clock}.
     */
    public Builder clock(java.time.Clock clock) {
      this.clock = java.util.Objects.requireNonNull(clock, "clock");
      return this;
    }

    public Builder requestStateTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("requestStateTtl must be positive, got " + ttl);
      }
      this.requestStateTtl = ttl;
      return this;
    }

    /**
     * The caching hints 2026-07-28 clients get on lists and reads (default: 0 ms, private, i.e.
     * always re-fetch and never share between users).
     */
    public Builder cacheHints(Duration ttl, CacheScope scope) {
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("cache ttl must not be negative, got " + ttl);
      }
      this.cacheTtlMillis = ttl.toMillis();
      this.cacheScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /**
     * Lets tools run as tasks (those whose {@link ToolDefinition.Builder#taskSupport} allows it)
     * and advertises it: the {@code tasks} capability to 2025-11-25 sessions, the {@code
     * io.modelcontextprotocol/tasks} extension to 2026-07-28 clients.
     */
    public Builder tasks(TaskOptions options) {
      this.tasks = Objects.requireNonNull(options, "options");
      return this;
    }

    private RequestStateStore stateStore() {
      if (requestStateStore != null && requestStateKey != null) {
        throw new IllegalStateException("give either requestStateKey or requestStateStore, not "
            + "both: the store holds the key");
      }
      return requestStateStore;
    }

    ServerConfig config() {
      if (name == null || name.isBlank()) {
        throw new IllegalStateException("McpServer needs a name: builder().name(\"my-server\")");
      }
      return new ServerConfig(new Implementation(name, title, version, null, null, null, null),
          instructions, completions, logging, toolsCapability || !tools.isEmpty() || !toolsIfValid.isEmpty(),
          resourcesCapability || !resources.isEmpty(), promptsCapability || !prompts.isEmpty(),
          toolCallTimeout, ServerConfig.timeoutFromEnvironment(TOOL_CALL_TIMEOUT_ENV), pageSize,
          List.copyOf(interceptors), listener, requestStateKey, requestStateTtl, cacheTtlMillis,
          cacheScope, clock, stateStore());
    }

    /**
     * Builds the server.
     *
     * @throws IllegalArgumentException for duplicate tool names, prompt names or resource URIs
     */
    public McpServer build() {
      return new McpServer(this);
    }
  }
}
