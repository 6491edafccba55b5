package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Inputs.CreateMessageRequest;
import dev.mcpkit.core.schema.Inputs.ElicitRequest;
import dev.mcpkit.core.schema.Inputs.InputRequest;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Inputs.ListRootsRequest;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Sampling.CreateMessageParams;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
import dev.mcpkit.server.InputRequiredException;
import dev.mcpkit.server.ToolContext;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.ResponseControl;
import dev.mcpkit.server.internal.SessionState;
import dev.mcpkit.server.internal.StatelessMeta;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The context a tool, prompt or resource handler gets; one per attempt. */
final class CallContextImpl implements ToolContext {
  private final ServerCore core;
  private final RequestContext request;
  private final String toolName;
  private final SessionState session;
  private final StatelessMeta meta;
  private final ObjectNode rawResponses;
  private final JsonNode state;
  private Map<String, InputResponse> responses;
  /** The input this attempt asked for, kept even when the handler swallows the exception. */
  private volatile InputRequiredException asked;

  CallContextImpl(ServerCore core, RequestContext request, String toolName, ObjectNode responses,
      JsonNode state) {
    this.core = core;
    this.request = request;
    this.toolName = toolName;
    this.session = request.attributes().get(Keys.SESSION);
    this.meta = request.attributes().get(Keys.STATELESS);
    this.rawResponses = responses;
    this.state = state;
  }

  /** The answers this attempt was given, as sent. */
  ObjectNode rawResponses() {
    return rawResponses == null ? McpJson.object() : rawResponses;
  }

  @Override
  public String toolName() {
    return toolName;
  }

  @Override
  public McpPrincipal principal() {
    McpPrincipal p = request.attributes().get(Keys.PRINCIPAL);
    return p == null ? McpPrincipal.ANONYMOUS : p;
  }

  @Override
  public String protocolVersion() {
    return meta != null ? meta.protocolVersion() : session == null ? null : session.protocolVersion();
  }

  @Override
  public String sessionId() {
    return session == null ? null : session.id();
  }

  ObjectNode capabilitiesJson() {
    if (meta != null) {
      return meta.clientCapabilities();
    }
    return session == null ? McpJson.object() : session.clientCapabilities();
  }

  @Override
  public ClientCapabilities clientCapabilities() {
    return McpJson.fromTree(capabilitiesJson(), ClientCapabilities.class);
  }

  @Override
  public Implementation clientInfo() {
    ObjectNode info = meta != null ? meta.clientInfo() : session == null ? null : session.clientInfo();
    if (info == null) {
      return null;
    }
    try {
      return McpJson.fromTree(info, Implementation.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public Attributes attributes() {
    return request.attributes();
  }

  @Override
  public boolean isCancelled() {
    return request.isCancelled();
  }

  @Override
  public void throwIfCancelled() {
    request.throwIfCancelled();
  }

  @Override
  public void progress(double progress, Double total, String message) {
    try {
      request.sendProgress(progress, total, message);
    } catch (IOException | RuntimeException e) {
      ServerCore.LOG.debug("progress of request {} not delivered: {}", request.id(), e.toString());
    }
  }

  @Override
  public void log(LoggingLevel level, String message) {
    log(level, null, McpJson.mapper().getNodeFactory().textNode(message));
  }

  @Override
  public void log(LoggingLevel level, String logger, JsonNode data) {
    if (!core.config().logging()) {
      return;
    }
    String threshold;
    if (meta != null) {
      threshold = meta.logLevel();
      if (threshold == null) {
        return; // 2026-07-28: no level asked, no messages
      }
    } else {
      threshold = session == null ? null : session.logLevel();
    }
    if (threshold != null && !level.isAtLeast(LoggingLevel.fromWire(threshold))) {
      return;
    }
    ObjectNode params = McpJson.object();
    params.put("level", level.wire());
    if (logger != null) {
      params.put("logger", logger);
    }
    params.set("data", data);
    try {
      request.sendNotification("notifications/message", params);
    } catch (IOException | RuntimeException e) {
      ServerCore.LOG.debug("log message of request {} not delivered: {}", request.id(),
          e.toString());
    }
  }

  @Override
  public ElicitResult elicit(String key, ElicitParams params) throws IOException {
    return ask(key, new ElicitRequest(params), ElicitResult.class);
  }

  @Override
  public CreateMessageResult createMessage(String key, CreateMessageParams params)
      throws IOException {
    return ask(key, new CreateMessageRequest(params), CreateMessageResult.class);
  }

  @Override
  public ListRootsResult listRoots(String key) throws IOException {
    return ask(key, new ListRootsRequest(), ListRootsResult.class);
  }

  private <T extends InputResponse> T ask(String key, InputRequest input, Class<T> type)
      throws IOException {
    requireCapability(input.method(), capabilitiesJson());
    if (meta != null) {
      InputResponse answer = inputResponses().get(key);
      if (type.isInstance(answer)) {
        return type.cast(answer);
      }
      throw asked(new InputRequiredException(Map.of(key, input), state));
    }
    JsonNode params = McpJson.toTree(input).get("params");
    JsonNode result = request.sendRequest(input.method(), params, Duration.ZERO);
    try {
      return McpJson.fromTree(result, type);
    } catch (IllegalArgumentException e) {
      throw new IOException("the client answered " + input.method() + " with something that is"
          + " not a " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** Fails with -32021 when the client did not declare what {@code method} needs. */
  static void requireCapability(String method, ObjectNode capabilities) {
    String capability = switch (method) {
      case "elicitation/create" -> "elicitation";
      case "sampling/createMessage" -> "sampling";
      case "roots/list" -> "roots";
      default -> null;
    };
    if (capability != null && !capabilities.has(capability)) {
      ObjectNode data = McpJson.object();
      data.putObject("requiredCapabilities").putObject(capability);
      throw new McpProtocolException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
          "Missing required client capability: this call needs '" + capability + "' ("
              + method + "), which the client did not declare", data);
    }
  }

  @Override
  public Map<String, InputResponse> inputResponses() {
    if (responses == null) {
      Map<String, InputResponse> typed = new LinkedHashMap<>();
      if (rawResponses != null) {
        rawResponses.fields().forEachRemaining(e -> {
          try {
            InputResponse r = McpJson.fromTree(e.getValue(), InputResponse.class);
            if (r != null) {
              typed.put(e.getKey(), r);
            }
          } catch (IllegalArgumentException ignored) {
            // not a valid answer: as if it were missing, so it is asked again
          }
        });
      }
      responses = Map.copyOf(typed);
    }
    return responses;
  }

  @Override
  public JsonNode requestState() {
    return state;
  }

  @Override
  public InputRequiredException inputRequired(Map<String, InputRequest> requests,
      JsonNode nextState) {
    return asked(new InputRequiredException(requests, nextState));
  }

  private InputRequiredException asked(InputRequiredException e) {
    asked = e;
    return e;
  }

  /**
   * The input this attempt asked for (through {@link #elicit}, {@link #createMessage}, {@link
   * #listRoots} or {@link #inputRequired}), or null: the attempt ends asking for it whatever the
   * handler did with the exception.
   */
  InputRequiredException askedForInput() {
    return asked;
  }

  @Override
  public void closeResponseStream() {
    ResponseControl control = request.attributes().get(Keys.RESPONSE);
    if (control != null && meta == null) {
      control.closeStream();
    }
  }
}
