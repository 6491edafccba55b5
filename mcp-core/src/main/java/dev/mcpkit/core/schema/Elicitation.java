package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Tasks.TaskMetadata;
import java.util.Map;

/**
 * Elicitation: {@code elicitation/create}, a server asking the user for input through the client
 * (2025-06-18 and later; in 2026-07-28 only as an input request). Form mode asks for a flat object
 * described by {@link ElicitationSchema}; URL mode (2025-11-25 and later) sends the user to a page,
 * for data that must not pass through the client.
 */
public final class Elicitation {
  private Elicitation() {}

  /** Params of {@code elicitation/create}: form or URL mode, told apart by {@code mode}. */
  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      include = JsonTypeInfo.As.EXISTING_PROPERTY,
      property = "mode",
      visible = true,
      defaultImpl = FormParams.class)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = FormParams.class, name = FormParams.MODE),
    @JsonSubTypes.Type(value = UrlParams.class, name = UrlParams.MODE)
  })
  public sealed interface ElicitParams permits FormParams, UrlParams {
    /** The message shown to the user. */
    String message();

    /** The mode; {@code null} means form mode (the only mode before 2025-11-25). */
    @JsonProperty("mode")
    String mode();
  }

  /**
   * Form mode. {@code mode} is optional ({@code "form"}) and exists from 2025-11-25, as does {@code
   * task} (2025-11-25 only); {@code _meta} until 2025-11-25.
   */
  public record FormParams(
      String mode,
      String message,
      ElicitationSchema.RequestedSchema requestedSchema,
      TaskMetadata task,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ElicitParams {
    public static final String MODE = "form";

    public FormParams {
      Immutable.required(message, "ElicitRequestFormParams.message");
      Immutable.required(requestedSchema, "ElicitRequestFormParams.requestedSchema");
      extra = Immutable.extra(extra);
    }

    public FormParams(String message, ElicitationSchema.RequestedSchema requestedSchema) {
      this(MODE, message, requestedSchema, null, null, null);
    }
  }

  /**
   * URL mode (2025-11-25 and later). {@code elicitationId} is required in 2025-11-25 and gone in
   * 2026-07-28; {@code task} and {@code _meta} exist only in 2025-11-25.
   */
  @JsonIgnoreProperties(value = "mode", allowGetters = true)
  public record UrlParams(
      String message,
      String url,
      String elicitationId,
      TaskMetadata task,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ElicitParams {
    public static final String MODE = "url";

    public UrlParams {
      Immutable.required(message, "ElicitRequestURLParams.message");
      Immutable.required(url, "ElicitRequestURLParams.url");
      extra = Immutable.extra(extra);
    }

    public UrlParams(String message, String url, String elicitationId) {
      this(message, url, elicitationId, null, null, null);
    }

    @Override
    public String mode() {
      return MODE;
    }
  }

  /**
   * The user's answer. {@code content} is present on accept in form mode: strings, integers,
   * booleans, and (from 2025-11-25) arrays of strings, keyed by the requested property names.
   */
  public record ElicitResult(
      Action action,
      Map<String, JsonNode> content,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Inputs.InputResponse {
    public ElicitResult {
      Immutable.required(action, "ElicitResult.action");
      content = Immutable.map(content);
      extra = Immutable.extra(extra);
    }

    /** The user submitted the form (or, in URL mode, agreed to open the page). */
    public static ElicitResult accept(Map<String, JsonNode> content) {
      return new ElicitResult(Action.ACCEPT, content, null, null);
    }

    /** The user explicitly said no. */
    public static ElicitResult decline() {
      return new ElicitResult(Action.DECLINE, null, null, null);
    }

    /** The user dismissed the request without choosing. */
    public static ElicitResult cancel() {
      return new ElicitResult(Action.CANCEL, null, null, null);
    }
  }

  /** What the user did. */
  public enum Action {
    ACCEPT("accept"),
    DECLINE("decline"),
    CANCEL("cancel");

    private final String wire;

    Action(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static Action fromWire(String value) {
      return WireEnums.parse(Action.class, value, Action::wire);
    }
  }

  /** Params of {@code notifications/elicitation/complete} (2025-11-25 only). */
  public record ElicitationCompleteParams(
      String elicitationId,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ElicitationCompleteParams {
      Immutable.required(elicitationId, "ElicitationCompleteNotification.elicitationId");
      extra = Immutable.extra(extra);
    }

    public ElicitationCompleteParams(String elicitationId) {
      this(elicitationId, null, null);
    }
  }
}
