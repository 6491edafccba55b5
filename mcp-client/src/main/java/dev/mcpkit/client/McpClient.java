package dev.mcpkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.internal.ClientConfig;
import dev.mcpkit.client.internal.ClientInputs;
import dev.mcpkit.client.internal.Connection;
import dev.mcpkit.client.internal.Notifications;
import dev.mcpkit.client.internal.Results;
import dev.mcpkit.client.internal.TaskPoller;
import dev.mcpkit.client.transport.HttpOptions;
import dev.mcpkit.client.transport.SseTransport;
import dev.mcpkit.client.transport.StreamableHttpTransport;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Completions.CompleteParams;
import dev.mcpkit.core.schema.Completions.CompleteResult;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.core.schema.Lifecycle.ServerCapabilities;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.Prompts.GetPromptParams;
import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import dev.mcpkit.core.schema.Prompts.ListPromptsResult;
import dev.mcpkit.core.schema.Prompts.Prompt;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.core.schema.ProtocolVersion;
import dev.mcpkit.core.schema.Resources.ListResourceTemplatesResult;
import dev.mcpkit.core.schema.Resources.ListResourcesResult;
import dev.mcpkit.core.schema.Resources.ReadResourceParams;
import dev.mcpkit.core.schema.Resources.ReadResourceResult;
import dev.mcpkit.core.schema.Resources.Resource;
import dev.mcpkit.core.schema.Resources.ResourceTemplate;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ListToolsResult;
import dev.mcpkit.core.schema.Tools.Tool;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import okhttp3.Authenticator;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * A connection to one MCP server: lists and calls its tools, reads its resources, gets its prompts.
 * Built with {@link #builder()}; {@link Builder#connect()} reaches the server, negotiates the newest
 * protocol both sides speak and returns a ready client.
 *
 * <p><b>Failures</b> come in three kinds, never mixed: an {@link IOException} when the server cannot
 * be reached or its answer is not MCP (the message names the URL or command and what happened;
 * {@link dev.mcpkit.core.McpTimeoutException} when no answer came in time), a
 * {@link McpProtocolException} carrying the JSON-RPC error code, message and data when the server
 * refused the request, and, for tools, a result with {@code isError: true} when the tool itself failed.
 *
 * <p><b>Threading</b>: the client is thread-safe; any number of threads may call it at once, and each
 * call blocks its caller until the answer arrives (virtual threads are a good fit). Over HTTP the
 * calling thread does the HTTP exchange itself. The {@code ...Async} variants run the same call on a
 * new worker thread (virtual on Java 21+); cancelling their future cancels the request at the server.
 * Handlers ({@link SamplingHandler}, {@link ElicitationHandler}, {@link RootsProvider}) run on worker
 * threads and may block; {@link ClientListener} methods run on the thread that read the notification
 * and must not block.
 */
public final class McpClient implements Closeable {
  private final Connection connection;
  private final RequestOptions defaults;
  private final TaskPoller tasks;
  private final Duration taskTimeout;
  /** Tools a 2025-11-25 server listed with {@code execution.taskSupport: required}. */
  private final java.util.Set<String> requiredTaskTools =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  McpClient(Connection connection) {
    this(connection, Duration.ofHours(1));
  }

  McpClient(Connection connection, Duration taskTimeout) {
    this.connection = connection;
    this.defaults = RequestOptions.DEFAULT;
    this.tasks = new TaskPoller(connection);
    this.taskTimeout = taskTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- generic

  /**
   * Sends any request and returns its raw result, for methods this class has no shortcut for.
   * The negotiated version's rules apply (session re-initialization, request {@code _meta},
   * {@code input_required} rounds).
   */
  public JsonNode request(String method, JsonNode params, RequestOptions options)
      throws IOException {
    Objects.requireNonNull(method, "method");
    return connection.request(method, params, options == null ? defaults : options);
  }

  public JsonNode request(String method, JsonNode params) throws IOException {
    return request(method, params, defaults);
  }

  /** {@link #request} on a worker thread; cancelling the future cancels the request. */
  public CompletableFuture<JsonNode> requestAsync(String method, JsonNode params,
      RequestOptions options) {
    Objects.requireNonNull(method, "method");
    return connection.requestAsync(method, params, options == null ? defaults : options);
  }

  // ---------------------------------------------------------------- tools

  /** Every tool, walking all pages. */
  public ListToolsResult listTools() throws IOException {
    return listTools(defaults);
  }

  /** Every tool, walking all pages, each page request with {@code options} (timeout, progress). */
  public ListToolsResult listTools(RequestOptions options) throws IOException {
    Objects.requireNonNull(options, "options");
    List<Tool> tools = new ArrayList<>();
    listAll(Methods.TOOLS_LIST, ListToolsResult.class, options, page -> {
      tools.addAll(page.tools());
      return page.nextCursor();
    });
    remember(tools);
    return new ListToolsResult(tools, null);
  }

  /** One page of tools from {@code cursor} (null for the first). */
  public ListToolsResult listTools(String cursor) throws IOException {
    ListToolsResult page = call(Methods.TOOLS_LIST, cursorParams(cursor), ListToolsResult.class,
        defaults);
    remember(page.tools());
    return page;
  }

  private void remember(List<Tool> tools) {
    for (Tool t : tools) {
      if (t.execution() != null
          && t.execution().taskSupport() == dev.mcpkit.core.schema.Tools.TaskSupport.REQUIRED) {
        requiredTaskTools.add(t.name());
      } else {
        requiredTaskTools.remove(t.name());
      }
    }
  }

  /** Calls a tool; a failing tool is a result with {@code isError: true}, not an exception. */
  public CallToolResult callTool(CallToolParams params, RequestOptions options) throws IOException {
    Objects.requireNonNull(params, "params");
    return callToolTree(McpJson.toTree(params), options);
  }

  /** A tools/call whose answer may be a task handle (then the task is waited for). */
  private CallToolResult callToolTree(JsonNode params, RequestOptions options) throws IOException {
    // a revision with its own task methods (2025-11-25): a tool listed as runnable only as a
    // task is called as one
    ProtocolRevision revision = connection.revision();
    boolean asTask = params instanceof ObjectNode o && !o.has("task")
        && requiredTaskTools.contains(o.path("name").asText())
        && revision != null && revision.defines(Methods.TASKS_RESULT);
    JsonNode sent = params;
    if (asTask) {
      ObjectNode copy = ((ObjectNode) params).deepCopy();
      copy.putObject("task");
      sent = copy;
    }
    JsonNode result = request(Methods.TOOLS_CALL, sent, options);
    if (TaskPoller.isHandle(result)) {
      return tasks.await(result.path("taskId").asText(), taskTimeout, t -> { });
    }
    if (asTask && result != null && result.path("task").has("taskId")) {
      return tasks.await(result.path("task").path("taskId").asText(), taskTimeout, t -> { });
    }
    try {
      return Results.read(result, CallToolResult.class, Methods.TOOLS_CALL,
          connection.description());
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  public CallToolResult callTool(CallToolParams params) throws IOException {
    return callTool(params, defaults);
  }

  /**
   * Calls a tool with arguments given as a map, a record or a JSON object.
   *
   * @throws IllegalArgumentException when the arguments are not a JSON object
   */
  public CallToolResult callTool(String name, Object arguments) throws IOException {
    return callTool(name, arguments, defaults);
  }

  /** {@link #callTool(String, Object)} with {@code options} (timeout, progress). */
  public CallToolResult callTool(String name, Object arguments, RequestOptions options)
      throws IOException {
    Objects.requireNonNull(options, "options");
    ObjectNode args = argumentsOf(name, arguments);
    // the params tree built directly: what converting a CallToolParams with only a name and
    // arguments gives, without a second conversion of the arguments
    ObjectNode params = McpJson.object();
    params.put("name", name);
    params.set("arguments", args == arguments ? args.deepCopy() : args);
    return callToolTree(params, options);
  }

  /**
   * Calls a tool and reads its structured content as {@code type} (a record, a map, ...). A tool
   * failure is still a result: {@link StructuredResult#isError()} is true and the value null.
   *
   * @throws IOException also when the structured content does not fit {@code type}
   */
  public <T> StructuredResult<T> callTool(String name, Object arguments, Class<T> type)
      throws IOException {
    return callTool(name, arguments, type, defaults);
  }

  /** {@link #callTool(String, Object, Class)} with {@code options} (timeout, progress). */
  public <T> StructuredResult<T> callTool(String name, Object arguments, Class<T> type,
      RequestOptions options) throws IOException {
    Objects.requireNonNull(type, "type");
    CallToolResult result = callTool(name, arguments, options);
    JsonNode structured = result.structuredContent();
    if (Boolean.TRUE.equals(result.isError()) || structured == null || structured.isNull()) {
      return new StructuredResult<>(null, result);
    }
    try {
      return new StructuredResult<>(McpJson.fromTree(structured, type), result);
    } catch (IllegalArgumentException e) {
      throw new IOException("structured content of tool '" + name + "' from "
          + connection.description() + " does not fit " + type.getSimpleName() + ": "
          + e.getMessage(), e);
    }
  }

  /** {@link #callTool(CallToolParams, RequestOptions)} on a worker thread. */
  public CompletableFuture<CallToolResult> callToolAsync(CallToolParams params,
      RequestOptions options) {
    Objects.requireNonNull(params, "params");
    return tasks.toolResult(requestAsync(Methods.TOOLS_CALL, McpJson.toTree(params), options),
        taskTimeout);
  }

  // ---------------------------------------------------------------- tasks

  /**
   * Calls a tool as a task and returns at once with the task's first state. 2026-07-28 servers
   * decide themselves ({@link Builder#tasks()} must be on): a direct answer comes back as a
   * completed snapshot without id. 2025-11-25 servers get a task-augmented request.
   *
   * @throws IllegalStateException when the negotiated protocol has no tasks
   */
  public TaskSnapshot callToolAsTask(String name, Object arguments) throws IOException {
    ObjectNode params = McpJson.object();
    params.put("name", name);
    params.set("arguments", argumentsOf(name, arguments).deepCopy());
    return tasks.callAsTask(params, defaults);
  }

  /** The task's current state ({@code tasks/get}). */
  public TaskSnapshot getTask(String taskId) throws IOException {
    return tasks.get(Objects.requireNonNull(taskId, "taskId"));
  }

  /**
   * Waits for a task to end, polling at the server's interval and telling {@code onChange} about
   * every new status or status message; input the task asks for is answered with this client's
   * handlers. A timeout or an interrupt cancels the task at the server.
   *
   * @throws dev.mcpkit.core.McpTimeoutException when the task did not end within {@code timeout}
   * @throws McpProtocolException when the task failed with a JSON-RPC error
   * @throws java.util.concurrent.CancellationException when the task was cancelled
   */
  public CallToolResult awaitTask(String taskId, Duration timeout,
      java.util.function.Consumer<TaskSnapshot> onChange) throws IOException {
    Objects.requireNonNull(taskId, "taskId");
    return tasks.await(taskId, Objects.requireNonNull(timeout, "timeout"),
        onChange == null ? t -> { } : onChange);
  }

  /** Asks the server to cancel a task ({@code tasks/cancel}). */
  public void cancelTask(String taskId) throws IOException {
    tasks.cancel(Objects.requireNonNull(taskId, "taskId"));
  }

  /** This client's tasks on the server ({@code tasks/list}, 2025-11-25 only). */
  public List<TaskSnapshot> listTasks() throws IOException {
    return tasks.list(defaults);
  }

  static ObjectNode argumentsOf(String tool, Object arguments) {
    Objects.requireNonNull(tool, "name");
    if (arguments == null) {
      return McpJson.object();
    }
    JsonNode tree = arguments instanceof JsonNode j ? j : McpJson.toTree(arguments);
    if (tree instanceof ObjectNode o) {
      return o;
    }
    throw new IllegalArgumentException("arguments of tool '" + tool + "' must be a JSON object, not "
        + tree.getNodeType());
  }

  // ---------------------------------------------------------------- resources

  /** Every resource, walking all pages. */
  public ListResourcesResult listResources() throws IOException {
    List<Resource> all = new ArrayList<>();
    listAll(Methods.RESOURCES_LIST, ListResourcesResult.class, page -> {
      all.addAll(page.resources());
      return page.nextCursor();
    });
    return new ListResourcesResult(all, null);
  }

  public ListResourcesResult listResources(String cursor) throws IOException {
    return call(Methods.RESOURCES_LIST, cursorParams(cursor), ListResourcesResult.class, defaults);
  }

  /** Every resource template, walking all pages. */
  public ListResourceTemplatesResult listResourceTemplates() throws IOException {
    List<ResourceTemplate> all = new ArrayList<>();
    listAll(Methods.RESOURCES_TEMPLATES_LIST, ListResourceTemplatesResult.class, page -> {
      all.addAll(page.resourceTemplates());
      return page.nextCursor();
    });
    return new ListResourceTemplatesResult(all, null);
  }

  public ReadResourceResult readResource(ReadResourceParams params) throws IOException {
    return readResource(params, defaults);
  }

  /** Reads a resource with {@code options} (timeout, progress). */
  public ReadResourceResult readResource(ReadResourceParams params, RequestOptions options)
      throws IOException {
    return call(Methods.RESOURCES_READ, McpJson.toTree(Objects.requireNonNull(params, "params")),
        ReadResourceResult.class, Objects.requireNonNull(options, "options"));
  }

  public ReadResourceResult readResource(String uri) throws IOException {
    return readResource(new ReadResourceParams(uri));
  }

  /**
   * Asks for {@link ClientListener#onResourceUpdated} when the resource changes:
   * {@code resources/subscribe} on the session protocol, the {@code subscriptions/listen} filter on
   * the stateless one.
   */
  public void subscribeResource(String uri) throws IOException {
    connection.subscribe(Objects.requireNonNull(uri, "uri"), true);
  }

  public void unsubscribeResource(String uri) throws IOException {
    connection.subscribe(Objects.requireNonNull(uri, "uri"), false);
  }

  // ---------------------------------------------------------------- prompts, completion, misc

  /** Every prompt, walking all pages. */
  public ListPromptsResult listPrompts() throws IOException {
    List<Prompt> all = new ArrayList<>();
    listAll(Methods.PROMPTS_LIST, ListPromptsResult.class, page -> {
      all.addAll(page.prompts());
      return page.nextCursor();
    });
    return new ListPromptsResult(all, null);
  }

  public ListPromptsResult listPrompts(String cursor) throws IOException {
    return call(Methods.PROMPTS_LIST, cursorParams(cursor), ListPromptsResult.class, defaults);
  }

  public GetPromptResult getPrompt(GetPromptParams params) throws IOException {
    return getPrompt(params, defaults);
  }

  /** Gets a prompt with {@code options} (timeout, progress). */
  public GetPromptResult getPrompt(GetPromptParams params, RequestOptions options)
      throws IOException {
    return call(Methods.PROMPTS_GET, McpJson.toTree(Objects.requireNonNull(params, "params")),
        GetPromptResult.class, Objects.requireNonNull(options, "options"));
  }

  /** Gets a prompt with its arguments filled in. */
  public GetPromptResult getPrompt(String name, Map<String, String> arguments) throws IOException {
    return getPrompt(new GetPromptParams(name, arguments));
  }

  /** {@code completion/complete}: suggestions for a prompt or resource-template argument. */
  public CompleteResult complete(CompleteParams params) throws IOException {
    return call(Methods.COMPLETION_COMPLETE,
        McpJson.toTree(Objects.requireNonNull(params, "params")), CompleteResult.class, defaults);
  }

  /**
   * Checks the server answers: {@code ping}, or on the stateless protocol (which has no ping)
   * {@code server/discover}.
   */
  public void ping() throws IOException {
    ProtocolRevision r = connection.revision();
    request(r == null || r.defines(Methods.PING) ? Methods.PING : r.opensWith(), null);
  }

  /**
   * The lowest level of log messages wanted; they arrive at {@link ClientListener#onLogMessage}.
   * On the stateless protocol the level travels with each following request.
   */
  public void setLoggingLevel(LoggingLevel level) throws IOException {
    connection.setLogLevel(Objects.requireNonNull(level, "level").wire());
  }

  /** Tells the server the roots changed ({@code notifications/roots/list_changed}). */
  public void notifyRootsChanged() throws IOException {
    connection.notify(Methods.NOTIFICATIONS_ROOTS_LIST_CHANGED, null);
  }

  private <T> T call(String method, JsonNode params, Class<T> type, RequestOptions options)
      throws IOException {
    JsonNode result = request(method, params, options);
    try {
      return Results.read(result, type, method, connection.description());
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static ObjectNode cursorParams(String cursor) {
    ObjectNode params = McpJson.object();
    if (cursor != null) {
      params.put("cursor", cursor);
    }
    return params;
  }

  /** Fetches pages until one has no next cursor; {@code add} takes a page and returns its cursor. */
  private <P> void listAll(String method, Class<P> type, PageSink<P> add) throws IOException {
    listAll(method, type, defaults, add);
  }

  private <P> void listAll(String method, Class<P> type, RequestOptions options, PageSink<P> add)
      throws IOException {
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      cursor = add.take(call(method, cursorParams(cursor), type, options));
      if (cursor != null && !seen.add(cursor)) {
        throw new IOException(method + " from " + connection.description()
            + " returned cursor '" + cursor + "' twice; the server's paging loops");
      }
    } while (cursor != null);
  }

  @FunctionalInterface
  private interface PageSink<P> {
    String take(P page);
  }

  // ---------------------------------------------------------------- state

  /** The negotiated protocol version. */
  public ProtocolVersion protocolVersion() {
    return ProtocolVersion.of(connection.protocolVersion());
  }

  /** The server's name and version (from {@code initialize}, or the discover result's meta). */
  public Implementation serverInfo() {
    return connection.serverInfo();
  }

  /** The server's capabilities. */
  public ServerCapabilities serverCapabilities() {
    return connection.serverCapabilities();
  }

  /** The server's instructions for the model, or null. */
  public String instructions() {
    JsonNode r = connection.serverResult();
    JsonNode i = r == null ? null : r.get("instructions");
    return i == null || !i.isTextual() ? null : i.textValue();
  }

  /** The HTTP session id, or null (stateless protocol, stdio, legacy SSE). */
  public String sessionId() {
    return connection.sessionId();
  }

  /** What the client is connected to, e.g. {@code streamable-http http://host/mcp}. */
  public String description() {
    return connection.description();
  }

  /** Closes the connection: pending calls fail, an HTTP session is deleted, a process is ended. */
  @Override
  public void close() {
    connection.close();
  }

  @Override
  public String toString() {
    return "McpClient[" + connection.description() + ", " + connection.protocolVersion() + "]";
  }
  /**
   * Builds and connects a client. Only {@link #transport} is required. Capabilities are declared from
   * what is configured: {@code sampling} with a {@link SamplingHandler}, {@code elicitation} with an
   * {@link ElicitationHandler}, {@code roots} with a {@link RootsProvider}; nothing else.
   */
  public static final class Builder {
    private ClientTransport transport;
    private String clientName = "mcpkit-client";
    private String clientVersion = Builder.class.getPackage().getImplementationVersion() == null
        ? "0.1.0" : Builder.class.getPackage().getImplementationVersion();
    private String clientTitle;
    private Implementation clientInfo;
    private final HttpOptions.Builder http = HttpOptions.builder();
    private HttpOptions httpOptions;
    /** Which single HTTP settings were given (they and {@link #httpOptions} exclude each other). */
    private final List<String> httpSettings = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(30);
    private String protocolVersion;
    private SamplingHandler sampling;
    private ElicitationHandler elicitation;
    private RootsProvider roots;
    private ClientListener listener = ClientListener.NONE;
    private final List<McpInterceptor> interceptors = new ArrayList<>();
    private McpEventListener events = McpEventListener.NONE;
    private int maxInputRounds = 8;
    private java.util.concurrent.Executor executor;
    private java.util.concurrent.ScheduledExecutorService timer;
    private boolean tasks;
    private Duration taskTimeout = Duration.ofHours(1);

    private Builder() {}

    /** Where the server is: {@link ClientTransport#http(String)}, {@code stdio(...)}, ... */
    public Builder transport(ClientTransport transport) {
      this.transport = Objects.requireNonNull(transport, "transport");
      return this;
    }

    /** The {@code clientInfo} sent to the server; default {@code mcpkit-client}. */
    public Builder clientInfo(String name, String version) {
      this.clientName = Objects.requireNonNull(name, "name");
      this.clientVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /** A human-readable title for {@code clientInfo}. */
    public Builder clientTitle(String title) {
      this.clientTitle = title;
      return this;
    }

    /** The whole {@code clientInfo} (title, description, icons, website). */
    public Builder clientInfo(Implementation info) {
      this.clientInfo = Objects.requireNonNull(info, "info");
      return this;
    }

    /** How long each request waits for its answer (default 30 s); zero waits forever. */
    public Builder requestTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout must not be negative: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Speaks only this protocol version instead of negotiating: {@code 2026-07-28} (stateless) or a
     * session version ({@code 2025-11-25} … {@code 2024-11-05}). Connecting fails if the server
     * does not speak it.
     */
    public Builder protocolVersion(String version) {
      if (version != null && ProtocolRevision.parse(version).isEmpty()) {
        throw new IllegalArgumentException("unknown protocol version '" + version + "'; known: "
            + ProtocolRevision.latest() + ", " + ProtocolRevision.sessionRevisions());
      }
      this.protocolVersion = version;
      return this;
    }

    public Builder sampling(SamplingHandler handler) {
      this.sampling = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public Builder elicitation(ElicitationHandler handler) {
      this.elicitation = Objects.requireNonNull(handler, "handler");
      return this;
    }

    public Builder roots(RootsProvider provider) {
      this.roots = Objects.requireNonNull(provider, "provider");
      return this;
    }

    public Builder listener(ClientListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** A core interceptor around every request and every handler (logging, policy, audit). */
    public Builder addInterceptor(McpInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Observes every request, notification and failure (metrics, audit). */
    public Builder eventListener(McpEventListener events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /** The host's OkHttp client (pool, proxy, TLS); default: one shared client. */
    public Builder httpClient(OkHttpClient client) {
      single("httpClient");
      http.httpClient(client);
      return this;
    }

    /** A header sent on every HTTP request (e.g. a static API key header). */
    public Builder header(String name, String value) {
      single("header(" + name + ")");
      http.header(name, value);
      return this;
    }

    /**
     * The authentication slot: an OkHttp interceptor that adds credentials to every HTTP request and
     * may retry it (e.g. after a 401 with a fresh token, or after a 403 {@code insufficient_scope}
     * with a stepped-up one). mcp-auth provides one.
     */
    public Builder addHttpInterceptor(Interceptor interceptor) {
      single("addHttpInterceptor");
      http.addInterceptor(interceptor);
      return this;
    }

    /** Answers HTTP 401 challenges with fresh credentials. */
    public Builder authenticator(Authenticator authenticator) {
      single("authenticator");
      http.authenticator(authenticator);
      return this;
    }

    /**
     * All HTTP settings at once, instead of {@link #httpClient}, {@link #header}, {@link
     * #addHttpInterceptor} and {@link #authenticator}.
     *
     * @throws IllegalStateException when one of those was given: put it into {@code options}
     */
    public Builder httpOptions(HttpOptions options) {
      Objects.requireNonNull(options, "options");
      if (!httpSettings.isEmpty()) {
        throw new IllegalStateException("httpOptions(..) would drop " + httpSettings
            + " given before it; set them on the HttpOptions.Builder instead, or leave out"
            + " httpOptions(..)");
      }
      this.httpOptions = options;
      return this;
    }

    /**
     * Declares the {@code io.modelcontextprotocol/tasks} extension to 2026-07-28 servers, which
     * may then answer any tool call with a task; {@code callTool} waits for it transparently
     * (up to {@link #taskTimeout}). On 2025-11-25, {@code callTool} of a tool that {@code
     * listTools} showed as runnable only as a task sends it as a task and waits the same way.
     */
    public Builder tasks() {
      this.tasks = true;
      return this;
    }

    /** How long {@code callTool} waits for a task before cancelling it (default 1 h). */
    public Builder taskTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("taskTimeout must be positive, got " + timeout);
      }
      this.taskTimeout = timeout;
      return this;
    }

    private void single(String setting) {
      if (httpOptions != null) {
        throw new IllegalStateException(setting + " cannot be combined with httpOptions(..),"
            + " which holds every HTTP setting; set it on the HttpOptions.Builder instead");
      }
      httpSettings.add(setting);
    }

    /**
     * Where this client's asynchronous calls, the server's requests to it (sampling, elicitation,
     * roots on a session) and its {@code subscriptions/listen} stream run. The default is shared by
     * every client and never closed: a virtual thread per task on Java 21+, on Java 17 a shared pool
     * of daemon threads. The client does not close an executor given here; it must not run tasks on
     * the submitting thread.
     */
    public Builder executor(java.util.concurrent.Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Where this client schedules the timeouts of its requests; tasks on it are short and never
     * block. The default is one daemon timer thread shared by every client and never closed. The
     * client does not close a timer given here.
     */
    public Builder timer(java.util.concurrent.ScheduledExecutorService timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    /** How many {@code input_required} rounds one stateless request may take (default 8). */
    public Builder maxInputRounds(int rounds) {
      if (rounds < 0) {
        throw new IllegalArgumentException("maxInputRounds must be >= 0: " + rounds);
      }
      this.maxInputRounds = rounds;
      return this;
    }

    /**
     * Connects, negotiates the protocol version and returns the ready client.
     *
     * @throws IOException when the server cannot be reached or does not speak MCP
     * @throws McpProtocolException when the server refuses to initialize
     */
    public McpClient connect() throws IOException {
      if (transport == null) {
        throw new IllegalStateException("McpClient needs a transport: call transport("
            + "ClientTransport.http(url)) or transport(ClientTransport.stdio(command...))");
      }
      return new McpClient(Connection.open(config()), taskTimeout);
    }

    private ClientConfig config() {
      ObjectNode info = (ObjectNode) McpJson.toTree(clientInfo != null ? clientInfo
          : new Implementation(clientName, clientTitle, clientVersion, null, null, null, null));
      ObjectNode caps = McpJson.object();
      Map<String, ClientConfig.InputHandler> inputs = new HashMap<>();
      MethodHandlers.Builder handlers = MethodHandlers.builder();
      ClientInputs.wire(caps, inputs, handlers, roots, sampling, elicitation);
      if (tasks) {
        caps.putObject("extensions").putObject(dev.mcpkit.core.schema.Tasks.EXTENSION);
      }
      Notifications.register(handlers, listener);
      HttpOptions httpOpts = httpOptions != null ? httpOptions : http.build();
      return new ClientConfig(info, caps, choices(httpOpts), httpOpts, timeout, protocolVersion,
          handlers.build(), Map.copyOf(inputs), List.copyOf(interceptors), events, maxInputRounds,
          listener != ClientListener.NONE, executor, timer);
    }

    private List<ClientConfig.TransportChoice> choices(HttpOptions opts) {
      String url = transport.url();
      ClientConfig.TransportChoice streamable = new ClientConfig.TransportChoice(
          "streamable-http " + url, () -> new StreamableHttpTransport(url, opts),
          transport.kind() == ClientTransport.Kind.HTTP_AUTO);
      ClientConfig.TransportChoice sse = new ClientConfig.TransportChoice("sse " + url,
          () -> new SseTransport(url, opts), false);
      return switch (transport.kind()) {
        case HTTP_AUTO -> List.of(streamable, sse);
        case STREAMABLE_HTTP -> List.of(streamable);
        case SSE -> List.of(sse);
        case STDIO -> List.of(new ClientConfig.TransportChoice(transport.toString(),
            transport.stdioBuilder()::build, false));
        case CUSTOM -> List.of(new ClientConfig.TransportChoice(transport.toString(),
            transport.customFactory(), false));
      };
    }
  }
}
