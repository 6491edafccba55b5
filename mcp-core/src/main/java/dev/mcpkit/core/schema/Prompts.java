package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Content.ContentBlock;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import java.util.List;
import java.util.Map;

/** Prompts: {@code prompts/list} and {@code prompts/get}. */
public final class Prompts {
  private Prompts() {}

  /** A prompt template; {@code title} from 2025-06-18, {@code icons} from 2025-11-25. */
  public record Prompt(
      String name,
      String title,
      String description,
      List<PromptArgument> arguments,
      List<Icon> icons,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Prompt {
      Immutable.required(name, "Prompt.name");
      arguments = Immutable.list(arguments);
      icons = Immutable.list(icons);
      extra = Immutable.extra(extra);
    }

    public Prompt(String name, String description, List<PromptArgument> arguments) {
      this(name, null, description, arguments, null, null, null);
    }
  }

  /** An argument a prompt template accepts. */
  public record PromptArgument(
      String name,
      String title,
      String description,
      Boolean required,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public PromptArgument {
      Immutable.required(name, "PromptArgument.name");
      extra = Immutable.extra(extra);
    }

    public PromptArgument(String name, String description, boolean required) {
      this(name, null, description, required, null);
    }
  }

  /** One message of a prompt. */
  public record PromptMessage(
      Role role,
      ContentBlock content,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public PromptMessage {
      Immutable.required(role, "PromptMessage.role");
      Immutable.required(content, "PromptMessage.content");
      extra = Immutable.extra(extra);
    }

    public PromptMessage(Role role, ContentBlock content) {
      this(role, content, null);
    }
  }

  /** Result of {@code prompts/list}; cache hints and {@code resultType} are 2026-07-28. */
  public record ListPromptsResult(
      List<Prompt> prompts,
      String nextCursor,
      Long ttlMs,
      CacheScope cacheScope,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra)
      implements Pagination.PaginatedResult {
    public ListPromptsResult {
      prompts = Immutable.list(Immutable.required(prompts, "ListPromptsResult.prompts"));
      extra = Immutable.extra(extra);
    }

    public ListPromptsResult(List<Prompt> prompts, String nextCursor) {
      this(prompts, nextCursor, null, null, null, null, null);
    }
  }

  /** Params of {@code prompts/get}; {@code inputResponses} and {@code requestState} are 2026. */
  public record GetPromptParams(
      String name,
      Map<String, String> arguments,
      Map<String, InputResponse> inputResponses,
      String requestState,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public GetPromptParams {
      Immutable.required(name, "GetPromptRequestParams.name");
      arguments = Immutable.map(arguments);
      inputResponses = Immutable.map(inputResponses);
      extra = Immutable.extra(extra);
    }

    public GetPromptParams(String name, Map<String, String> arguments) {
      this(name, arguments, null, null, null, null);
    }
  }

  /** Result of {@code prompts/get}. */
  public record GetPromptResult(
      String description,
      List<PromptMessage> messages,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public GetPromptResult {
      messages = Immutable.list(Immutable.required(messages, "GetPromptResult.messages"));
      extra = Immutable.extra(extra);
    }

    public GetPromptResult(String description, List<PromptMessage> messages) {
      this(description, messages, null, null, null);
    }
  }
}
