package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Resources.ResourceContents;
import java.util.List;
import java.util.Map;

/**
 * Content blocks: what tools return, prompts contain and sampling exchanges, told apart by {@code
 * type}. A block of a type this SDK does not know is read as {@link Unknown} and written back as
 * is.
 *
 * <p>Availability: text, image and embedded resources in every version; audio from 2025-03-26;
 * resource links from 2025-06-18; tool use and tool results (sampling only) from 2025-11-25.
 */
public final class Content {
  private Content() {}

  /** One content block. */
  @JsonTypeInfo(
      use = JsonTypeInfo.Id.NAME,
      include = JsonTypeInfo.As.EXISTING_PROPERTY,
      property = "type",
      visible = true,
      defaultImpl = Unknown.class)
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Text.class, name = Text.TYPE),
    @JsonSubTypes.Type(value = Image.class, name = Image.TYPE),
    @JsonSubTypes.Type(value = Audio.class, name = Audio.TYPE),
    @JsonSubTypes.Type(value = ResourceLink.class, name = ResourceLink.TYPE),
    @JsonSubTypes.Type(value = EmbeddedResource.class, name = EmbeddedResource.TYPE),
    @JsonSubTypes.Type(value = ToolUse.class, name = ToolUse.TYPE),
    @JsonSubTypes.Type(value = ToolResult.class, name = ToolResult.TYPE)
  })
  @JsonPropertyOrder("type")
  public sealed interface ContentBlock
      permits Text, Image, Audio, ResourceLink, EmbeddedResource, ToolUse, ToolResult, Unknown {
    /** The wire discriminator, e.g. {@code "text"}. */
    @JsonProperty("type")
    String type();
  }

  /** Text ({@code TextContent}). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record Text(
      String text,
      Annotations annotations,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "text";

    public Text {
      Immutable.required(text, "TextContent.text");
      extra = Immutable.extra(extra);
    }

    public Text(String text) {
      this(text, null, null, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A base64-encoded image ({@code ImageContent}). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record Image(
      String data,
      String mimeType,
      Annotations annotations,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "image";

    public Image {
      Immutable.required(data, "ImageContent.data");
      Immutable.required(mimeType, "ImageContent.mimeType");
      extra = Immutable.extra(extra);
    }

    public Image(String data, String mimeType) {
      this(data, mimeType, null, null, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Base64-encoded audio ({@code AudioContent}, 2025-03-26 and later). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record Audio(
      String data,
      String mimeType,
      Annotations annotations,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "audio";

    public Audio {
      Immutable.required(data, "AudioContent.data");
      Immutable.required(mimeType, "AudioContent.mimeType");
      extra = Immutable.extra(extra);
    }

    public Audio(String data, String mimeType) {
      this(data, mimeType, null, null, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A link to a resource the client may read (2025-06-18 and later). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record ResourceLink(
      String uri,
      String name,
      String title,
      String description,
      String mimeType,
      Long size,
      Annotations annotations,
      List<Icon> icons,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "resource_link";

    public ResourceLink {
      Immutable.required(uri, "ResourceLink.uri");
      Immutable.required(name, "ResourceLink.name");
      icons = Immutable.list(icons);
      extra = Immutable.extra(extra);
    }

    public ResourceLink(String uri, String name) {
      this(uri, name, null, null, null, null, null, null, null, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Resource contents embedded in the message ({@code EmbeddedResource}). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record EmbeddedResource(
      ResourceContents resource,
      Annotations annotations,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "resource";

    public EmbeddedResource {
      Immutable.required(resource, "EmbeddedResource.resource");
      extra = Immutable.extra(extra);
    }

    public EmbeddedResource(ResourceContents resource) {
      this(resource, null, null, null);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A model's request to call a tool, in sampling ({@code ToolUseContent}, 2025-11-25 on). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record ToolUse(
      String id,
      String name,
      ObjectNode input,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "tool_use";

    public ToolUse {
      Immutable.required(id, "ToolUseContent.id");
      Immutable.required(name, "ToolUseContent.name");
      Immutable.required(input, "ToolUseContent.input");
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * The result of a tool use, in sampling ({@code ToolResultContent}, 2025-11-25 and later); {@code
   * structuredContent} must be an object before 2026-07-28.
   */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record ToolResult(
      String toolUseId,
      List<ContentBlock> content,
      JsonNode structuredContent,
      Boolean isError,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public static final String TYPE = "tool_result";

    public ToolResult {
      Immutable.required(toolUseId, "ToolResultContent.toolUseId");
      content = Immutable.list(Immutable.required(content, "ToolResultContent.content"));
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A block whose {@code type} this SDK does not know; every field is kept in {@link #extra()}. */
  public record Unknown(
      String type,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements ContentBlock {
    public Unknown {
      Immutable.required(type, "content block type");
      extra = Immutable.extra(extra);
    }
  }

  /**
   * Hints for the client about audience, importance and freshness; {@code lastModified} (an ISO
   * 8601 timestamp) exists from 2025-06-18.
   */
  public record Annotations(
      List<Role> audience,
      Number priority,
      String lastModified,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Annotations {
      audience = Immutable.list(audience);
      extra = Immutable.extra(extra);
    }
  }

  /** The sender or recipient of messages and data in a conversation. */
  public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static Role fromWire(String value) {
      return WireEnums.parse(Role.class, value, Role::wire);
    }
  }
}
