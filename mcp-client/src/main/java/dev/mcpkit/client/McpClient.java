package dev.mcpkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.internal.ClientConfig;
import dev.mcpkit.client.internal.Connection;
import dev.mcpkit.client.internal.Notifications;
import dev.mcpkit.client.internal.Versions;
import dev.mcpkit.client.transport.HttpOptions;
import dev.mcpkit.client.transport.SseTransport;
import dev.mcpkit.client.transport.StreamableHttpTransport;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
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

  McpClient(Connection connection) {
    this.connection = connection;
    this.defaults = RequestOptions.DEFAULT;
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

  /** Every tool, walking all pages: {@code {"tools": [...]}}. */
  public JsonNode listTools() throws IOException {
    return listAll("tools/list", "tools");
  }

  /** One page of tools from {@code cursor} (null for the first): {@code tools} and {@code nextCursor}. */
  public JsonNode listTools(String cursor) throws IOException {
    return request("tools/list", cursorParams(cursor));
  }

  /** Calls a tool; a failing tool is a result with {@code isError: true}, not an exception. */
  public JsonNode callTool(String name, JsonNode arguments, RequestOptions options)
      throws IOException {
    return request("tools/call", callParams(name, arguments), options);
  }

  public JsonNode callTool(String name, Map<String, ?> arguments) throws IOException {
    return callTool(name, McpJson.toTree(arguments == null ? Map.of() : arguments), defaults);
  }

  public JsonNode callTool(String name, JsonNode arguments) throws IOException {
    return callTool(name, arguments, defaults);
  }

  public CompletableFuture<JsonNode> callToolAsync(String name, JsonNode arguments,
      RequestOptions options) {
    return requestAsync("tools/call", callParams(name, arguments), options);
  }

  private static ObjectNode callParams(String name, JsonNode arguments) {
    Objects.requireNonNull(name, "name");
    ObjectNode params = McpJson.object();
    params.put("name", name);
    if (arguments != null && !arguments.isNull()) {
      if (!arguments.isObject()) {
        throw new IllegalArgumentException("tool arguments must be a JSON object, not " + arguments
            .getNodeType() + " (tool '" + name + "')");
      }
      params.set("arguments", arguments);
    } else {
      params.set("arguments", McpJson.object());
    }
    return params;
  }

  // ---------------------------------------------------------------- resources

  /** Every resource, walking all pages: {@code {"resources": [...]}}. */
  public JsonNode listResources() throws IOException {
    return listAll("resources/list", "resources");
  }

  public JsonNode listResources(String cursor) throws IOException {
    return request("resources/list", cursorParams(cursor));
  }

  /** Every resource template, walking all pages: {@code {"resourceTemplates": [...]}}. */
  public JsonNode listResourceTemplates() throws IOException {
    return listAll("resources/templates/list", "resourceTemplates");
  }

  /** Reads a resource: {@code {"contents": [...]}}. */
  public JsonNode readResource(String uri) throws IOException {
    ObjectNode params = McpJson.object();
    params.put("uri", Objects.requireNonNull(uri, "uri"));
    return request("resources/read", params);
  }

  /** Asks for {@link ClientListener#onResourceUpdated} when the resource changes. */
  public void subscribeResource(String uri) throws IOException {
    ObjectNode params = McpJson.object();
    params.put("uri", Objects.requireNonNull(uri, "uri"));
    request("resources/subscribe", params);
  }

  public void unsubscribeResource(String uri) throws IOException {
    ObjectNode params = McpJson.object();
    params.put("uri", Objects.requireNonNull(uri, "uri"));
    request("resources/unsubscribe", params);
  }

  // ---------------------------------------------------------------- prompts, completion, misc

  /** Every prompt, walking all pages: {@code {"prompts": [...]}}. */
  public JsonNode listPrompts() throws IOException {
    return listAll("prompts/list", "prompts");
  }

  public JsonNode listPrompts(String cursor) throws IOException {
    return request("prompts/list", cursorParams(cursor));
  }

  /** Gets a prompt with its arguments filled in: {@code description} and {@code messages}. */
  public JsonNode getPrompt(String name, Map<String, String> arguments) throws IOException {
    ObjectNode params = McpJson.object();
    params.put("name", Objects.requireNonNull(name, "name"));
    if (arguments != null && !arguments.isEmpty()) {
      params.set("arguments", McpJson.toTree(arguments));
    }
    return request("prompts/get", params);
  }

  /** {@code completion/complete}: suggestions for a prompt or resource-template argument. */
  public JsonNode complete(JsonNode params) throws IOException {
    return request("completion/complete", params);
  }

  /** Checks the server answers. */
  public void ping() throws IOException {
    request("ping", null);
  }

  /**
   * The lowest level of log messages wanted ({@code debug} … {@code emergency}); they arrive at
   * {@link ClientListener#onLogMessage}.
   */
  public void setLoggingLevel(String level) throws IOException {
    connection.setLogLevel(Objects.requireNonNull(level, "level"));
  }

  /** Tells the server the roots changed ({@code notifications/roots/list_changed}). */
  public void notifyRootsChanged() throws IOException {
    connection.notify("notifications/roots/list_changed", null);
  }

  private static ObjectNode cursorParams(String cursor) {
    ObjectNode params = McpJson.object();
    if (cursor != null) {
      params.put("cursor", cursor);
    }
    return params;
  }

  private JsonNode listAll(String method, String field) throws IOException {
    ObjectNode all = McpJson.object();
    ArrayNode items = all.putArray(field);
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      JsonNode page = request(method, cursorParams(cursor));
      JsonNode list = page == null ? null : page.get(field);
      if (list instanceof ArrayNode a) {
        items.addAll(a);
      }
      JsonNode next = page == null ? null : page.get("nextCursor");
      cursor = next == null || next.isNull() ? null : next.asText();
      if (cursor != null && !seen.add(cursor)) {
        throw new McpProtocolException(ErrorCodes.INTERNAL_ERROR, method + " from "
            + connection.description() + " returned cursor '" + cursor + "' twice; stopping");
      }
    } while (cursor != null);
    return all;
  }

  // ---------------------------------------------------------------- state

  /** The negotiated protocol version, e.g. {@code 2025-11-25} or {@code 2026-07-28}. */
  public String protocolVersion() {
    return connection.protocolVersion();
  }

  /** The server's {@code Implementation} ({@code name}, {@code version}, ...), or null. */
  public JsonNode serverInfo() {
    JsonNode r = connection.serverResult();
    return r == null ? null : r.get("serverInfo");
  }

  /** The server's capabilities (an empty object when it declared none). */
  public JsonNode serverCapabilities() {
    JsonNode r = connection.serverResult();
    JsonNode caps = r == null ? null : r.get("capabilities");
    return caps == null ? McpJson.object() : caps;
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
    private final HttpOptions.Builder http = HttpOptions.builder();
    private HttpOptions httpOptions;
    private Duration timeout = Duration.ofSeconds(30);
    private String protocolVersion;
    private SamplingHandler sampling;
    private ElicitationHandler elicitation;
    private RootsProvider roots;
    private ClientListener listener = ClientListener.NONE;
    private final List<McpInterceptor> interceptors = new ArrayList<>();
    private McpEventListener events = McpEventListener.NONE;
    private int maxInputRounds = 8;

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
      if (version != null && !Versions.isKnown(version)) {
        throw new IllegalArgumentException("unknown protocol version '" + version + "'; known: "
            + Versions.STATELESS + ", " + Versions.SESSION);
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
      http.httpClient(client);
      return this;
    }

    /** A header sent on every HTTP request (e.g. a static API key header). */
    public Builder header(String name, String value) {
      http.header(name, value);
      return this;
    }

    /**
     * The authentication slot: an OkHttp interceptor that adds credentials to every HTTP request and
     * may retry it (e.g. after a 401 with a fresh token, or after a 403 {@code insufficient_scope}
     * with a stepped-up one). mcp-auth provides one.
     */
    public Builder addHttpInterceptor(Interceptor interceptor) {
      http.addInterceptor(interceptor);
      return this;
    }

    /** Answers HTTP 401 challenges with fresh credentials. */
    public Builder authenticator(Authenticator authenticator) {
      http.authenticator(authenticator);
      return this;
    }

    /** All HTTP settings at once (replaces {@link #httpClient}, {@link #header} and the auth slot). */
    public Builder httpOptions(HttpOptions options) {
      this.httpOptions = Objects.requireNonNull(options, "options");
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
      return new McpClient(Connection.open(config()));
    }

    private ClientConfig config() {
      ObjectNode info = McpJson.object();
      info.put("name", clientName);
      if (clientTitle != null) {
        info.put("title", clientTitle);
      }
      info.put("version", clientVersion);
      ObjectNode caps = McpJson.object();
      Map<String, ClientConfig.InputHandler> inputs = new HashMap<>();
      MethodHandlers.Builder handlers = MethodHandlers.builder();
      if (roots != null) {
        caps.putObject("roots").put("listChanged", true);
        RootsProvider r = roots;
        inputs.put("roots/list", p -> r.listRoots());
        handlers.onRequest("roots/list", (ctx, p) -> r.listRoots());
      }
      if (sampling != null) {
        caps.putObject("sampling");
        SamplingHandler s = sampling;
        inputs.put("sampling/createMessage", s::createMessage);
        handlers.onRequest("sampling/createMessage", (ctx, p) -> s.createMessage(p));
      }
      if (elicitation != null) {
        ObjectNode e = caps.putObject("elicitation");
        e.putObject("form");
        if (elicitation.supportsUrlMode()) {
          e.putObject("url");
        }
        ElicitationHandler h = elicitation;
        inputs.put("elicitation/create", h::elicit);
        handlers.onRequest("elicitation/create", (ctx, p) -> h.elicit(p));
      }
      Notifications.register(handlers, listener);
      HttpOptions httpOpts = httpOptions != null ? httpOptions : http.build();
      return new ClientConfig(info, caps, choices(httpOpts), httpOpts, timeout, protocolVersion,
          handlers.build(), Map.copyOf(inputs), List.copyOf(interceptors), events, maxInputRounds);
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
