package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Multi-round-trip requests (2026-07-28). Instead of calling the client back, a server answers
 * {@code tools/call}, {@code prompts/get} or {@code resources/read} with an {@link
 * InputRequiredResult} ({@code resultType: "input_required"}) holding {@link InputRequest}s and/or
 * an opaque {@code requestState}; the client fulfils them and repeats the original request with
 * {@code inputResponses} (keyed like the requests) and the same {@code requestState}.
 */
public final class Inputs {
  private Inputs() {}

  /** The server needs input before it can complete; at least one of the two fields is present. */
  public record InputRequiredResult(
      Map<String, InputRequest> inputRequests,
      String requestState,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public InputRequiredResult {
      inputRequests = Immutable.map(inputRequests);
      if (inputRequests == null && requestState == null) {
        throw new IllegalArgumentException(
            "InputRequiredResult needs inputRequests or requestState (or both)");
      }
      extra = Immutable.extra(extra);
    }

    public InputRequiredResult(Map<String, InputRequest> inputRequests, String requestState) {
      this(inputRequests, requestState, Base.ResultType.INPUT_REQUIRED, null, null);
    }
  }

  /** A request the client must fulfil: sampling, elicitation or roots, told apart by method. */
  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      include = JsonTypeInfo.As.EXISTING_PROPERTY,
      property = "method",
      visible = true)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = CreateMessageRequest.class, name = Methods.SAMPLING_CREATE_MESSAGE),
    @JsonSubTypes.Type(value = ElicitRequest.class, name = Methods.ELICITATION_CREATE),
    @JsonSubTypes.Type(value = ListRootsRequest.class, name = Methods.ROOTS_LIST)
  })
  public sealed interface InputRequest
      permits CreateMessageRequest, ElicitRequest, ListRootsRequest {
    /** The method the client would have received as a request in the session protocol. */
    @JsonProperty("method")
    String method();
  }

  /** Sample the client's LLM. */
  @JsonIgnoreProperties(value = "method", allowGetters = true)
  public record CreateMessageRequest(
      Sampling.CreateMessageParams params,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements InputRequest {
    public CreateMessageRequest {
      Immutable.required(params, "CreateMessageRequest.params");
      extra = Immutable.extra(extra);
    }

    public CreateMessageRequest(Sampling.CreateMessageParams params) {
      this(params, null);
    }

    @Override
    public String method() {
      return Methods.SAMPLING_CREATE_MESSAGE;
    }
  }

  /** Ask the user. */
  @JsonIgnoreProperties(value = "method", allowGetters = true)
  public record ElicitRequest(
      Elicitation.ElicitParams params,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements InputRequest {
    public ElicitRequest {
      Immutable.required(params, "ElicitRequest.params");
      extra = Immutable.extra(extra);
    }

    public ElicitRequest(Elicitation.ElicitParams params) {
      this(params, null);
    }

    @Override
    public String method() {
      return Methods.ELICITATION_CREATE;
    }
  }

  /** List the client's roots. */
  @JsonIgnoreProperties(value = "method", allowGetters = true)
  public record ListRootsRequest(
      Base.RequestParams params,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements InputRequest {
    public ListRootsRequest {
      extra = Immutable.extra(extra);
    }

    public ListRootsRequest() {
      this(null, null);
    }

    @Override
    public String method() {
      return Methods.ROOTS_LIST;
    }
  }

  /**
   * The client's answer to one input request: {@link Sampling.CreateMessageResult}, {@link
   * Elicitation.ElicitResult} or {@link Roots.ListRootsResult}, recognised by their required
   * fields.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  @JsonSubTypes({
    @JsonSubTypes.Type(Sampling.CreateMessageResult.class),
    @JsonSubTypes.Type(Elicitation.ElicitResult.class),
    @JsonSubTypes.Type(Roots.ListRootsResult.class)
  })
  public sealed interface InputResponse
      permits Sampling.CreateMessageResult, Elicitation.ElicitResult, Roots.ListRootsResult {}
}
