package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Content.ContentBlock;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Tasks.TaskMetadata;
import java.util.List;
import java.util.Map;

/** Tools: {@code tools/list} and {@code tools/call}. */
public final class Tools {
  private Tools() {}

  /**
   * A tool the server offers. {@code inputSchema} and {@code outputSchema} are JSON Schema objects
   * (draft 2020-12 unless {@code $schema} says otherwise); before 2026-07-28 both must have {@code
   * "type": "object"}. Version notes: {@code annotations} from 2025-03-26, {@code title}, {@code
   * outputSchema} and {@code _meta} from 2025-06-18, {@code icons} from 2025-11-25, {@code
   * execution} only in 2025-11-25.
   */
  public record Tool(
      String name,
      String title,
      String description,
      ObjectNode inputSchema,
      ObjectNode outputSchema,
      ToolAnnotations annotations,
      ToolExecution execution,
      List<Icon> icons,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Tool {
      Immutable.required(name, "Tool.name");
      Immutable.required(inputSchema, "Tool.inputSchema");
      icons = Immutable.list(icons);
      extra = Immutable.extra(extra);
    }

    public Tool(String name, String description, ObjectNode inputSchema) {
      this(name, null, description, inputSchema, null, null, null, null, null, null);
    }
  }

  /**
   * Hints about a tool's behaviour. They are untrusted unless the server is: a client must not base
   * security decisions on them.
   */
  public record ToolAnnotations(
      String title,
      Boolean readOnlyHint,
      Boolean destructiveHint,
      Boolean idempotentHint,
      Boolean openWorldHint,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ToolAnnotations {
      extra = Immutable.extra(extra);
    }
  }

  /** Execution properties of a tool (2025-11-25 only). */
  public record ToolExecution(
      TaskSupport taskSupport,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ToolExecution {
      extra = Immutable.extra(extra);
    }
  }

  /** Whether a tool can run as a task (2025-11-25); absent means {@link #FORBIDDEN}. */
  public enum TaskSupport {
    FORBIDDEN("forbidden"),
    OPTIONAL("optional"),
    REQUIRED("required");

    private final String wire;

    TaskSupport(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static TaskSupport fromWire(String value) {
      return WireEnums.parse(TaskSupport.class, value, TaskSupport::wire);
    }
  }

  /** Result of {@code tools/list}; cache hints and {@code resultType} are 2026-07-28. */
  public record ListToolsResult(
      List<Tool> tools,
      String nextCursor,
      Long ttlMs,
      CacheScope cacheScope,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra)
      implements Pagination.PaginatedResult {
    public ListToolsResult {
      tools = Immutable.list(Immutable.required(tools, "ListToolsResult.tools"));
      extra = Immutable.extra(extra);
    }

    public ListToolsResult(List<Tool> tools, String nextCursor) {
      this(tools, nextCursor, null, null, null, null, null);
    }
  }

  /**
   * Params of {@code tools/call}. {@code task} exists only in 2025-11-25; {@code inputResponses}
   * and {@code requestState} (a retry after an input-required result) only in 2026-07-28.
   */
  public record CallToolParams(
      String name,
      ObjectNode arguments,
      TaskMetadata task,
      Map<String, InputResponse> inputResponses,
      String requestState,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CallToolParams {
      Immutable.required(name, "CallToolRequestParams.name");
      inputResponses = Immutable.map(inputResponses);
      extra = Immutable.extra(extra);
    }

    public CallToolParams(String name, ObjectNode arguments) {
      this(name, arguments, null, null, null, null, null);
    }
  }

  /**
   * Result of {@code tools/call}. A tool failure is a result with {@code isError: true}, not a
   * protocol error. {@code structuredContent} exists from 2025-06-18 (an object until 2025-11-25,
   * any JSON value in 2026-07-28); {@code resultType} is 2026.
   */
  public record CallToolResult(
      List<ContentBlock> content,
      JsonNode structuredContent,
      Boolean isError,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CallToolResult {
      content = Immutable.list(Immutable.required(content, "CallToolResult.content"));
      extra = Immutable.extra(extra);
    }

    public CallToolResult(List<ContentBlock> content, JsonNode structuredContent, Boolean isError) {
      this(content, structuredContent, isError, null, null, null);
    }

    /** A successful result with one text block. */
    public static CallToolResult text(String text) {
      return new CallToolResult(List.of(new Content.Text(text)), null, null);
    }

    /** A successful result with the given blocks. */
    public static CallToolResult of(ContentBlock... content) {
      return new CallToolResult(List.of(content), null, null);
    }

    /** A tool failure the model can see and react to ({@code isError: true}). */
    public static CallToolResult error(String message) {
      return new CallToolResult(List.of(new Content.Text(message)), null, true);
    }

    /**
     * A structured result; the JSON is repeated as a text block for clients that predate {@code
     * structuredContent}, as the specification recommends.
     */
    public static CallToolResult structured(JsonNode structuredContent) {
      return new CallToolResult(
          List.of(new Content.Text(McpJson.write(structuredContent))), structuredContent, null);
    }

    /** Whether this result reports a tool failure. */
    public boolean failed() {
      return Boolean.TRUE.equals(isError);
    }
  }
}
