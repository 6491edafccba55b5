package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.json.McpJson;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The context of a tool running as a task. Before the call became a task (grace period) input and
 * progress go to the request's own context; afterwards progress becomes the task's status message,
 * log messages are dropped (no request to send them on), and input is answered from the task's
 * collected answers or asked by putting the task in {@code input_required}.
 */
final class TaskContext implements ToolContext {
  private volatile InputRequiredException asked;
  private final ServerCore core;
  private final TaskRun run;

  TaskContext(ServerCore core, TaskRun run) {
    this.core = core;
    this.run = run;
  }

  private CallContextImpl delegate() {
    synchronized (run) {
      return run.delegate;
    }
  }

  @Override
  public String toolName() {
    return run.tool.name();
  }

  @Override
  public McpPrincipal principal() {
    McpPrincipal p = run.origin.principal();
    return p == null ? McpPrincipal.ANONYMOUS : p;
  }

  @Override
  public String protocolVersion() {
    return run.origin.protocolVersion();
  }

  @Override
  public String sessionId() {
    return run.origin.sessionId();
  }

  @Override
  public ClientCapabilities clientCapabilities() {
    return McpJson.fromTree(run.origin.clientCapabilities(), ClientCapabilities.class);
  }

  @Override
  public Implementation clientInfo() {
    try {
      return run.origin.clientInfo() == null ? null
          : McpJson.fromTree(run.origin.clientInfo(), Implementation.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public Attributes attributes() {
    return run.origin.attributes();
  }

  @Override
  public boolean isCancelled() {
    return run.cancelled;
  }

  @Override
  public void throwIfCancelled() {
    if (run.cancelled) {
      throw new CancellationException("the task was cancelled");
    }
  }

  @Override
  public void progress(double progress, Double total, String message) {
    CallContextImpl d = delegate();
    if (d != null) {
      d.progress(progress, total, message);
      return;
    }
    String line = (total == null ? fmt(progress) : fmt(progress) + "/" + fmt(total))
        + (message == null ? "" : ": " + message);
    core.tasks().progress(run, line);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  @Override
  public void log(LoggingLevel level, String message) {
    CallContextImpl d = delegate();
    if (d != null) {
      d.log(level, message);
    }
  }

  @Override
  public void log(LoggingLevel level, String logger, JsonNode data) {
    CallContextImpl d = delegate();
    if (d != null) {
      d.log(level, logger, data);
    }
  }

  @Override
  public ElicitResult elicit(String key, ElicitParams params) throws IOException {
    CallContextImpl d = delegate();
    return d != null ? d.elicit(key, params)
        : ask(key, new ElicitRequest(params), ElicitResult.class);
  }

  @Override
  public CreateMessageResult createMessage(String key, CreateMessageParams params)
      throws IOException {
    CallContextImpl d = delegate();
    return d != null ? d.createMessage(key, params)
        : ask(key, new CreateMessageRequest(params), CreateMessageResult.class);
  }

  @Override
  public ListRootsResult listRoots(String key) throws IOException {
    CallContextImpl d = delegate();
    return d != null ? d.listRoots(key) : ask(key, new ListRootsRequest(), ListRootsResult.class);
  }

  private <T extends InputResponse> T ask(String key, InputRequest input, Class<T> type) {
    InputResponse answer = inputResponses().get(key);
    if (type.isInstance(answer)) {
      return type.cast(answer);
    }
    throw asked(new InputRequiredException(Map.of(key, input), requestState()));
  }

  private InputRequiredException asked(InputRequiredException e) {
    asked = e;
    return e;
  }

  /** The input this attempt asked for, or null; it wins over what the handler returned. */
  InputRequiredException askedForInput() {
    return asked;
  }

  @Override
  public Map<String, InputResponse> inputResponses() {
    CallContextImpl d = delegate();
    if (d != null) {
      return d.inputResponses();
    }
    Map<String, InputResponse> typed = new LinkedHashMap<>();
    synchronized (run) {
      run.responses.fields().forEachRemaining(e -> {
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
    return Map.copyOf(typed);
  }

  @Override
  public JsonNode requestState() {
    CallContextImpl d = delegate();
    if (d != null) {
      return d.requestState();
    }
    synchronized (run) {
      return run.state;
    }
  }

  @Override
  public InputRequiredException inputRequired(Map<String, InputRequest> requests,
      JsonNode nextState) {
    return asked(new InputRequiredException(requests, nextState));
  }

  @Override
  public void closeResponseStream() {
    // a task has no response stream of its own
  }
}
