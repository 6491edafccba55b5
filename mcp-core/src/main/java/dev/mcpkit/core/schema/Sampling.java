package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Content.ContentBlock;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Tasks.TaskMetadata;
import dev.mcpkit.core.schema.Tools.Tool;
import java.util.List;
import java.util.Map;

/**
 * Sampling: {@code sampling/createMessage}, a server asking the client's LLM for a completion (in
 * 2026-07-28 only as an input request). Message content is a single block before 2025-11-25 and a
 * block or an array from then on; a one-element list is written as a single block, which every
 * version accepts.
 */
public final class Sampling {
  private Sampling() {}

  /** Standard {@code stopReason} values; the field is an open string. */
  public static final class StopReason {
    public static final String END_TURN = "endTurn";
    public static final String STOP_SEQUENCE = "stopSequence";
    public static final String MAX_TOKENS = "maxTokens";
    public static final String TOOL_USE = "toolUse";

    private StopReason() {}
  }

  /**
   * Params of {@code sampling/createMessage}. {@code tools} and {@code toolChoice} exist from
   * 2025-11-25, {@code task} only in 2025-11-25, {@code _meta} until 2025-11-25.
   */
  public record CreateMessageParams(
      List<SamplingMessage> messages,
      ModelPreferences modelPreferences,
      String systemPrompt,
      IncludeContext includeContext,
      Number temperature,
      Integer maxTokens,
      List<String> stopSequences,
      ObjectNode metadata,
      List<Tool> tools,
      ToolChoice toolChoice,
      TaskMetadata task,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CreateMessageParams {
      messages = Immutable.list(
          Immutable.required(messages, "CreateMessageRequestParams.messages"));
      Immutable.required(maxTokens, "CreateMessageRequestParams.maxTokens");
      stopSequences = Immutable.list(stopSequences);
      tools = Immutable.list(tools);
      extra = Immutable.extra(extra);
    }

    public CreateMessageParams(List<SamplingMessage> messages, String systemPrompt, int maxTokens) {
      this(messages, null, systemPrompt, null, null, maxTokens, null, null, null, null, null, null,
          null);
    }
  }

  /** One message of a sampling conversation. */
  public record SamplingMessage(
      Role role,
      @JsonFormat(with = {
        JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
        JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED
      })
      List<ContentBlock> content,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public SamplingMessage {
      Immutable.required(role, "SamplingMessage.role");
      content = Immutable.list(Immutable.required(content, "SamplingMessage.content"));
      extra = Immutable.extra(extra);
    }

    public SamplingMessage(Role role, ContentBlock content) {
      this(role, List.of(content), null, null);
    }

    /** A user message with one text block. */
    public static SamplingMessage user(String text) {
      return new SamplingMessage(Role.USER, new Content.Text(text));
    }
  }

  /** The client's LLM answer: role, content, the model that produced it and why it stopped. */
  public record CreateMessageResult(
      Role role,
      @JsonFormat(with = {
        JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
        JsonFormat.Feature.WRITE_SINGLE_ELEM_ARRAYS_UNWRAPPED
      })
      List<ContentBlock> content,
      String model,
      String stopReason,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Inputs.InputResponse {
    public CreateMessageResult {
      Immutable.required(role, "CreateMessageResult.role");
      content = Immutable.list(Immutable.required(content, "CreateMessageResult.content"));
      Immutable.required(model, "CreateMessageResult.model");
      extra = Immutable.extra(extra);
    }

    public CreateMessageResult(Role role, ContentBlock content, String model, String stopReason) {
      this(role, List.of(content), model, stopReason, null, null);
    }
  }

  /** The server's model preferences: name hints and 0..1 priorities the client may weigh. */
  public record ModelPreferences(
      List<ModelHint> hints,
      Number costPriority,
      Number speedPriority,
      Number intelligencePriority,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ModelPreferences {
      hints = Immutable.list(hints);
      extra = Immutable.extra(extra);
    }
  }

  /** A model name (or family substring) the server would prefer. */
  public record ModelHint(
      String name,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ModelHint {
      extra = Immutable.extra(extra);
    }

    public ModelHint(String name) {
      this(name, null);
    }
  }

  /** How the model may use the offered tools (2025-11-25 and later). */
  public record ToolChoice(
      Mode mode,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ToolChoice {
      extra = Immutable.extra(extra);
    }

    public ToolChoice(Mode mode) {
      this(mode, null);
    }

    /** Tool-use modes; absent means {@link #AUTO}. */
    public enum Mode {
      AUTO("auto"),
      NONE("none"),
      REQUIRED("required");

      private final String wire;

      Mode(String wire) {
        this.wire = wire;
      }

      @JsonValue
      public String wire() {
        return wire;
      }

      @JsonCreator
      public static Mode fromWire(String value) {
        return WireEnums.parse(Mode.class, value, Mode::wire);
      }
    }
  }

  /** Which servers' context to attach; the non-{@code none} values are deprecated. */
  public enum IncludeContext {
    NONE("none"),
    THIS_SERVER("thisServer"),
    ALL_SERVERS("allServers");

    private final String wire;

    IncludeContext(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static IncludeContext fromWire(String value) {
      return WireEnums.parse(IncludeContext.class, value, IncludeContext::wire);
    }
  }
}
