package dev.mcpkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Inputs.InputRequest;
import java.util.Map;
import java.util.Objects;

/**
 * Ends this attempt at a call because the handler needs input from the client first: elicitation,
 * sampling or roots, by key. Create it (or use {@link CallContext#inputRequired}) and throw it.
 *
 * <p>With a 2026-07-28 client the server answers {@code input_required}: the client gathers the
 * inputs and retries the call, and the handler runs again with {@link CallContext#inputResponses()}
 * and the {@code state} given here ({@link CallContext#requestState()}), integrity-protected in
 * transit. With a session client the server asks the client itself over the session and runs the
 * handler again in the same way, so one handler serves both.
 *
 * <p>Asking through the call context ({@link CallContext#elicit}, {@link
 * CallContext#requestInput}) needs no exception of the handler's own: the attempt asks for the input
 * even when a handler catches every exception.
 *
 * @deprecated ask through {@link CallContext#requestInput} or {@link CallContext#elicit}; a handler
 *     that throws this itself must not let a {@code catch (Exception e)} swallow it
 */
@Deprecated(since = "0.9")
public final class InputRequiredException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Map<String, InputRequest> requests;
  private final transient JsonNode state;

  /**
   * @param requests what to ask, by key (at least one)
   * @param state what the next attempt needs, or null
   */
  public InputRequiredException(Map<String, InputRequest> requests, JsonNode state) {
    super("input required: " + requests.keySet(), null, false, false);
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("an input-required answer needs at least one request");
    }
    this.requests = Map.copyOf(Objects.requireNonNull(requests, "requests"));
    this.state = state;
  }

  /** What the client is asked, by key. */
  public Map<String, InputRequest> requests() {
    return requests;
  }

  /** The handler's state for the next attempt, or null. */
  public JsonNode state() {
    return state;
  }
}
