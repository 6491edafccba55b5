package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Argument completion: {@code completion/complete}. */
public final class Completions {
  private Completions() {}

  /** What is being completed: a prompt or a resource template, told apart by {@code type}. */
  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      include = JsonTypeInfo.As.EXISTING_PROPERTY,
      property = "type",
      visible = true)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = PromptReference.class, name = PromptReference.TYPE),
    @JsonSubTypes.Type(
        value = ResourceTemplateReference.class,
        name = ResourceTemplateReference.TYPE)
  })
  public sealed interface Reference permits PromptReference, ResourceTemplateReference {
    /** The wire discriminator. */
    @JsonProperty("type")
    String type();
  }

  /** A prompt, by name ({@code title} from 2025-06-18). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record PromptReference(
      String name,
      String title,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Reference {
    public static final String TYPE = "ref/prompt";

    public PromptReference {
      Immutable.required(name, "PromptReference.name");
      extra = Immutable.extra(extra);
    }

    public PromptReference(String name) {
      this(name, null, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A resource template, by URI template ({@code ResourceReference} in 2024-11-05/2025-03-26). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record ResourceTemplateReference(
      String uri,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements Reference {
    public static final String TYPE = "ref/resource";

    public ResourceTemplateReference {
      Immutable.required(uri, "ResourceTemplateReference.uri");
      extra = Immutable.extra(extra);
    }

    public ResourceTemplateReference(String uri) {
      this(uri, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The argument being completed and its partial value. */
  public record Argument(
      String name,
      String value,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Argument {
      Immutable.required(name, "CompleteRequestParams.argument.name");
      Immutable.required(value, "CompleteRequestParams.argument.value");
      extra = Immutable.extra(extra);
    }

    public Argument(String name, String value) {
      this(name, value, null);
    }
  }

  /** Already-resolved arguments that narrow the completion (2025-06-18 and later). */
  public record Context(
      Map<String, String> arguments,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Context {
      arguments = Immutable.map(arguments);
      extra = Immutable.extra(extra);
    }

    public Context(Map<String, String> arguments) {
      this(arguments, null);
    }
  }

  /** Params of {@code completion/complete}. */
  public record CompleteParams(
      Reference ref,
      Argument argument,
      Context context,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CompleteParams {
      Immutable.required(ref, "CompleteRequestParams.ref");
      Immutable.required(argument, "CompleteRequestParams.argument");
      extra = Immutable.extra(extra);
    }

    public CompleteParams(Reference ref, Argument argument) {
      this(ref, argument, null, null, null);
    }
  }

  /** The suggestions: at most 100 values, optionally the total and whether more exist. */
  public record Completion(
      List<String> values,
      Integer total,
      Boolean hasMore,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Completion {
      values = Immutable.list(Immutable.required(values, "CompleteResult.completion.values"));
      extra = Immutable.extra(extra);
    }

    public Completion(List<String> values) {
      this(values, null, null, null);
    }
  }

  /** Result of {@code completion/complete}. */
  public record CompleteResult(
      Completion completion,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CompleteResult {
      Immutable.required(completion, "CompleteResult.completion");
      extra = Immutable.extra(extra);
    }

    public CompleteResult(Completion completion) {
      this(completion, null, null, null);
    }
  }
}
