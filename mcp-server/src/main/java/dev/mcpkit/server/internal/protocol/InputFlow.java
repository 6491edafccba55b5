package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Inputs.InputRequest;
import dev.mcpkit.server.InputRequiredException;
import dev.mcpkit.server.internal.Keys;
import java.time.Duration;
import java.util.Map;

/**
 * Runs a handler that may need input from the client (tools, prompts, resource reads). For
 * 2026-07-28 requests an {@link InputRequiredException} becomes an {@code input_required} result
 * with a protected {@code requestState}, and a retry resumes with the answers; for session
 * clients the server asks the client itself and runs the handler again.
 */
final class InputFlow {
  private static final int MAX_ROUNDS = 16;

  private InputFlow() {}

  /** One attempt: the handler's result as JSON. */
  @FunctionalInterface
  interface Attempt {
    JsonNode run(CallContextImpl context) throws Exception;
  }

  /** What one attempt came to: a result, or the input it asked for. */
  private record Outcome(JsonNode result, InputRequiredException asked) {}

  /**
   * Runs one attempt. Input the handler asked for through its context wins over whatever it then
   * returned or threw, so a handler that catches every exception still gets its answer.
   */
  private static Outcome attempt(Attempt attempt, CallContextImpl context) throws Exception {
    JsonNode result;
    try {
      result = attempt.run(context);
    } catch (InputRequiredException e) {
      return new Outcome(null, e);
    } catch (Exception e) {
      InputRequiredException asked = context.askedForInput();
      if (asked == null) {
        throw e;
      }
      return new Outcome(null, asked);
    }
    InputRequiredException asked = context.askedForInput();
    return new Outcome(asked == null ? result : null, asked);
  }

  static JsonNode run(ServerCore core, RequestContext request, String method, String name,
      JsonNode arguments, String toolName, Attempt attempt) throws Exception {
    JsonNode params = request.params();
    if (RevisionShaping.of(request.attributes()).hasInputRequired()) {
      return runInRounds(core, request, params, method, name, arguments, toolName, attempt);
    }
    ObjectNode responses = null; // made when the handler first asks for input
    JsonNode state = null;
    for (int round = 1; ; round++) {
      CallContextImpl context = new CallContextImpl(core, request, toolName, responses, state);
      Outcome outcome = attempt(attempt, context);
      InputRequiredException e = outcome.asked();
      if (e == null) {
        return outcome.result();
      }
      if (round >= MAX_ROUNDS) {
        throw McpProtocolException.internalError("Internal error: " + method + " '" + name
            + "' asked for input " + MAX_ROUNDS + " times in a row; giving up");
      }
      if (responses == null) {
        responses = McpJson.object();
      }
      for (Map.Entry<String, InputRequest> ask : e.requests().entrySet()) {
        CallContextImpl.requireCapability(ask.getValue().method(), context.capabilitiesJson());
        JsonNode askParams = McpJson.toTree(ask.getValue()).get("params");
        responses.set(ask.getKey(),
            request.sendRequest(ask.getValue().method(), askParams, Duration.ZERO));
      }
      state = e.state();
    }
  }

  private static JsonNode runInRounds(ServerCore core, RequestContext request, JsonNode params,
      String method, String name, JsonNode arguments, String toolName, Attempt attempt)
      throws Exception {
    McpPrincipal principal = request.attributes().get(Keys.PRINCIPAL);
    String binding = RequestStates.binding(method, name,
        principal == null ? "" : principal.subject(), arguments);
    ObjectNode responses = null; // made only when the request brings responses
    JsonNode state = null;
    JsonNode token = params == null ? null : params.get("requestState");
    if (token != null && !token.isNull()) {
      if (!token.isTextual()) {
        throw McpProtocolException.invalidParams("Invalid params: requestState must be the string"
            + " the server sent");
      }
      RequestStates.Envelope envelope = core.requestStates().verify(token.textValue(), binding);
      responses = McpJson.object();
      responses.setAll(envelope.responses());
      state = envelope.state();
    }
    JsonNode sent = params == null ? null : params.get("inputResponses");
    if (sent instanceof ObjectNode o) {
      if (responses == null) {
        responses = McpJson.object();
      }
      responses.setAll(o);
    }
    CallContextImpl context = new CallContextImpl(core, request, toolName, responses, state);
    Outcome outcome = attempt(attempt, context);
    InputRequiredException e = outcome.asked();
    if (e == null) {
      return outcome.result();
    }
    ObjectNode requests = McpJson.object();
    for (Map.Entry<String, InputRequest> ask : e.requests().entrySet()) {
      CallContextImpl.requireCapability(ask.getValue().method(), context.capabilitiesJson());
      requests.set(ask.getKey(), McpJson.toTree(ask.getValue()));
    }
    ObjectNode result = McpJson.object();
    result.put("resultType", "input_required");
    result.set("inputRequests", requests);
    result.put("requestState", core.requestStates().issue(binding, e.state(), responses));
    return result;
  }
}
