package dev.mcpkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Inputs.InputRequest;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Sampling.CreateMessageParams;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
import java.io.IOException;
import java.util.Map;

/**
 * What a tool, prompt or resource handler knows about the call it serves, and what it can do
 * while serving it. Valid only during the call; safe to use from other threads during it.
 *
 * <p>Asking the client for input works the same with every client: {@link #elicit}, {@link
 * #createMessage} and {@link #listRoots} ask over the session and wait for session clients; for
 * 2026-07-28 clients they end the attempt with an {@code input_required} result and return the
 * answer when the client retries (the handler runs again from the start, so it must get to the
 * same question the same way). Keys name the questions and must be stable across attempts.
 *
 * <p>A handler may wrap its body in {@code catch (Exception e)}: once it has asked for input, the
 * attempt ends asking for that input whatever the handler then returns or throws.
 */
public interface CallContext {
  /** Who is calling ({@link McpPrincipal#ANONYMOUS} without authentication). */
  McpPrincipal principal();

  /** The protocol version of this call. */
  String protocolVersion();

  /** The session id, or null (2026-07-28 requests and stdio have none). */
  String sessionId();

  /** What the client declared it supports. */
  ClientCapabilities clientCapabilities();

  /** The client's self-description, or null. Not verified: never base decisions on it. */
  Implementation clientInfo();

  /** Per-call values (and the connection's, through the parent). */
  Attributes attributes();

  boolean isCancelled();

  /** Throws {@link java.util.concurrent.CancellationException} if the call was cancelled. */
  void throwIfCancelled();

  /** Reports progress if the client asked for it (a progress token); otherwise does nothing. */
  void progress(double progress, Double total, String message);

  /**
   * Sends a log message to the client, if the server enables logging and the client asked for this
   * level (2026-07-28: only when the request named a level).
   */
  void log(LoggingLevel level, String message);

  /** Sends structured log data (any JSON) under a logger name (may be null). */
  void log(LoggingLevel level, String logger, JsonNode data);

  /**
   * Asks the user for input.
   *
   * @throws dev.mcpkit.core.McpProtocolException -32021 when the client lacks elicitation
   * @throws IOException when the session fails or the wait times out
   */
  ElicitResult elicit(String key, ElicitParams params) throws IOException;

  /** Asks the client's model for a completion. */
  CreateMessageResult createMessage(String key, CreateMessageParams params) throws IOException;

  /** Asks the client for its roots. */
  ListRootsResult listRoots(String key) throws IOException;

  /** Answers the client sent with this attempt (2026-07-28 retries), by key; empty otherwise. */
  Map<String, InputResponse> inputResponses();

  /** The state given to {@link #inputRequired} in the previous attempt, or null. */
  JsonNode requestState();

  /**
   * Asks the client for several inputs and returns its answers, by key, on every protocol revision
   * (like {@link #elicit}, {@link #createMessage} and {@link #listRoots}, one after the other).
   *
   * @param requests what to ask, by key (keys stable across attempts)
   */
  default Map<String, InputResponse> requestInput(Map<String, InputRequest> requests)
      throws IOException {
    Map<String, InputResponse> answers = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, InputRequest> e : requests.entrySet()) {
      InputRequest r = e.getValue();
      InputResponse answer;
      if (r instanceof dev.mcpkit.core.schema.Inputs.ElicitRequest el) {
        answer = elicit(e.getKey(), el.params());
      } else if (r instanceof dev.mcpkit.core.schema.Inputs.CreateMessageRequest cm) {
        answer = createMessage(e.getKey(), cm.params());
      } else {
        answer = listRoots(e.getKey());
      }
      answers.put(e.getKey(), answer);
    }
    return answers;
  }

  /**
   * Makes the exception that ends this attempt asking for several inputs at once. The attempt asks
   * for them even when the exception is not thrown or is caught.
   *
   * @param requests what to ask, by key
   * @param state what the next attempt needs to know (kept integrity-protected), or null
   * @deprecated use {@link #requestInput} or {@link #elicit}, which return the answers
   */
  @Deprecated(since = "0.9")
  InputRequiredException inputRequired(Map<String, InputRequest> requests, JsonNode state);
}
