package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Content.Annotations;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import java.util.List;
import java.util.Map;

/**
 * Resources: {@code resources/list}, {@code resources/templates/list}, {@code resources/read}, the
 * session-protocol {@code resources/subscribe}/{@code unsubscribe} (replaced by {@code
 * subscriptions/listen} in 2026-07-28) and {@code notifications/resources/updated}.
 */
public final class Resources {
  private Resources() {}

  /** A resource the server can read. */
  public record Resource(
      String uri,
      String name,
      String title,
      String description,
      String mimeType,
      Long size,
      Annotations annotations,
      List<Icon> icons,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Resource {
      Immutable.required(uri, "Resource.uri");
      Immutable.required(name, "Resource.name");
      icons = Immutable.list(icons);
      extra = Immutable.extra(extra);
    }

    public Resource(String uri, String name, String description, String mimeType) {
      this(uri, name, null, description, mimeType, null, null, null, null, null);
    }
  }

  /** A family of resources addressed by an RFC 6570 URI template. */
  public record ResourceTemplate(
      String uriTemplate,
      String name,
      String title,
      String description,
      String mimeType,
      Annotations annotations,
      List<Icon> icons,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ResourceTemplate {
      Immutable.required(uriTemplate, "ResourceTemplate.uriTemplate");
      Immutable.required(name, "ResourceTemplate.name");
      icons = Immutable.list(icons);
      extra = Immutable.extra(extra);
    }

    public ResourceTemplate(String uriTemplate, String name, String description, String mimeType) {
      this(uriTemplate, name, null, description, mimeType, null, null, null, null);
    }
  }

  /** The contents of a resource: text or a base64 blob, told apart by which one is present. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
  @JsonSubTypes({
    @JsonSubTypes.Type(TextResourceContents.class),
    @JsonSubTypes.Type(BlobResourceContents.class)
  })
  public sealed interface ResourceContents permits TextResourceContents, BlobResourceContents {
    String uri();

    String mimeType();
  }

  /** Text contents of a resource. */
  public record TextResourceContents(
      String uri,
      String mimeType,
      String text,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ResourceContents {
    public TextResourceContents {
      Immutable.required(uri, "TextResourceContents.uri");
      Immutable.required(text, "TextResourceContents.text");
      extra = Immutable.extra(extra);
    }

    public TextResourceContents(String uri, String mimeType, String text) {
      this(uri, mimeType, text, null, null);
    }
  }

  /** Binary contents of a resource, base64-encoded. */
  public record BlobResourceContents(
      String uri,
      String mimeType,
      String blob,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ResourceContents {
    public BlobResourceContents {
      Immutable.required(uri, "BlobResourceContents.uri");
      Immutable.required(blob, "BlobResourceContents.blob");
      extra = Immutable.extra(extra);
    }

    public BlobResourceContents(String uri, String mimeType, String blob) {
      this(uri, mimeType, blob, null, null);
    }
  }

  /** Result of {@code resources/list}; cache hints and {@code resultType} are 2026-07-28. */
  public record ListResourcesResult(
      List<Resource> resources,
      String nextCursor,
      Long ttlMs,
      CacheScope cacheScope,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra)
      implements Pagination.PaginatedResult {
    public ListResourcesResult {
      resources = Immutable.list(Immutable.required(resources, "ListResourcesResult.resources"));
      extra = Immutable.extra(extra);
    }

    public ListResourcesResult(List<Resource> resources, String nextCursor) {
      this(resources, nextCursor, null, null, null, null, null);
    }
  }

  /** Result of {@code resources/templates/list}. */
  public record ListResourceTemplatesResult(
      List<ResourceTemplate> resourceTemplates,
      String nextCursor,
      Long ttlMs,
      CacheScope cacheScope,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra)
      implements Pagination.PaginatedResult {
    public ListResourceTemplatesResult {
      resourceTemplates = Immutable.list(
          Immutable.required(resourceTemplates, "ListResourceTemplatesResult.resourceTemplates"));
      extra = Immutable.extra(extra);
    }

    public ListResourceTemplatesResult(
        List<ResourceTemplate> resourceTemplates, String nextCursor) {
      this(resourceTemplates, nextCursor, null, null, null, null, null);
    }
  }

  /** Params of {@code resources/read}; {@code inputResponses} and {@code requestState} are 2026. */
  public record ReadResourceParams(
      String uri,
      Map<String, InputResponse> inputResponses,
      String requestState,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ReadResourceParams {
      Immutable.required(uri, "ReadResourceRequestParams.uri");
      inputResponses = Immutable.map(inputResponses);
      extra = Immutable.extra(extra);
    }

    public ReadResourceParams(String uri) {
      this(uri, null, null, null, null);
    }
  }

  /** Result of {@code resources/read}. */
  public record ReadResourceResult(
      List<ResourceContents> contents,
      Long ttlMs,
      CacheScope cacheScope,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ReadResourceResult {
      contents = Immutable.list(Immutable.required(contents, "ReadResourceResult.contents"));
      extra = Immutable.extra(extra);
    }

    public ReadResourceResult(List<ResourceContents> contents) {
      this(contents, null, null, null, null, null);
    }
  }

  /** Params of {@code resources/subscribe} (session protocol only). */
  public record SubscribeParams(
      String uri,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public SubscribeParams {
      Immutable.required(uri, "SubscribeRequestParams.uri");
      extra = Immutable.extra(extra);
    }

    public SubscribeParams(String uri) {
      this(uri, null, null);
    }
  }

  /** Params of {@code resources/unsubscribe} (session protocol only). */
  public record UnsubscribeParams(
      String uri,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public UnsubscribeParams {
      Immutable.required(uri, "UnsubscribeRequestParams.uri");
      extra = Immutable.extra(extra);
    }

    public UnsubscribeParams(String uri) {
      this(uri, null, null);
    }
  }

  /** Params of {@code notifications/resources/updated}. */
  public record ResourceUpdatedParams(
      String uri,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ResourceUpdatedParams {
      Immutable.required(uri, "ResourceUpdatedNotificationParams.uri");
      extra = Immutable.extra(extra);
    }

    public ResourceUpdatedParams(String uri) {
      this(uri, null, null);
    }
  }
}
