package dev.mcpkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonschema.InvalidSchemaException;
import dev.mcpkit.core.jsonschema.JsonSchemaValidator;
import dev.mcpkit.core.jsonschema.RecordSchema;
import dev.mcpkit.core.jsonschema.ToolSchemas;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.Tool;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.core.schema.Tools.ToolExecution;
import dev.mcpkit.server.internal.protocol.HeaderParams;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool a server offers: what {@code tools/list} shows (name, description, schemas, annotations,
 * icons), the handler that runs it, and its call timeout. Immutable; build with {@link
 * #builder(String)}. Building checks the definition, so a server never lists a tool a client
 * would reject.
 *
 * <pre>{@code
 * record Forecast(@Description("City name") String city, int days) {}
 *
 * ToolDefinition weather = ToolDefinition.builder("get_forecast")
 *     .description("Weather forecast for a city, up to 14 days ahead")
 *     .handler(Forecast.class, (args, ctx) -> CallToolResult.text(forecast(args.city(), args.days())))
 *     .build();
 * }</pre>
 */
public final class ToolDefinition {
  /** The characters and length the specification allows in tool names. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  private final Tool tool;
  private final ToolHandler handler;
  private final Duration timeout;
  private final JsonSchemaValidator inputValidator;
  private final JsonSchemaValidator outputValidator;
  private final TaskSupport taskSupport;
  private final Duration taskAfter;

  private ToolDefinition(Builder b, Tool tool, JsonSchemaValidator in, JsonSchemaValidator out) {
    this.tool = tool;
    this.handler = b.handler;
    this.timeout = b.timeout;
    this.taskSupport = b.taskSupport;
    this.taskAfter = b.taskAfter;
    this.inputValidator = in;
    this.outputValidator = out;
  }

  /**
   * Starts a tool definition.
   *
   * @param name the tool's id: 1 to 128 of {@code A-Z a-z 0-9 _ - .}, unique within the server
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return tool.name();
  }

  /** The tool as {@code tools/list} shows it. */
  public Tool tool() {
    return tool;
  }

  public ToolHandler handler() {
    return handler;
  }

  /** This tool's call timeout, or null for the server's. */
  public Duration timeout() {
    return timeout;
  }

  /** Whether calls of this tool may, must or must not run as tasks. */
  public TaskSupport taskSupport() {
    return taskSupport;
  }

  /** How long a call runs before it becomes a task ({@link Duration#ZERO}: a task at once). */
  public Duration taskAfter() {
    return taskAfter;
  }

  /** Validates arguments against the input schema. */
  public JsonSchemaValidator inputValidator() {
    return inputValidator;
  }

  /** Validates structured output against the output schema, or null when the tool has none. */
  public JsonSchemaValidator outputValidator() {
    return outputValidator;
  }

  @Override
  public String toString() {
    return "ToolDefinition[" + tool.name() + "]";
  }

  /** Builds a {@link ToolDefinition}. Name, description and a handler are required. */
  public static final class Builder {
    private final String name;
    private String title;
    private String description;
    private ObjectNode inputSchema;
    private ObjectNode outputSchema;
    private ToolAnnotations annotations;
    private List<Icon> icons;
    private ObjectNode meta;
    private Duration timeout;
    private ToolHandler handler;
    private TaskSupport taskSupport = TaskSupport.FORBIDDEN;
    private Duration taskAfter = Duration.ZERO;

    private Builder(String name) {
      this.name = name;
    }

    /** The name given to {@link ToolDefinition#builder(String)}, possibly invalid. */
    String name() {
      return name;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** What the tool does, for the model: when to use it, what it returns. Required. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** The JSON Schema of the arguments: an object schema (default: no arguments). */
    public Builder inputSchema(ObjectNode schema) {
      this.inputSchema = Objects.requireNonNull(schema, "inputSchema");
      return this;
    }

    /** The JSON Schema of {@code structuredContent}; results are checked against it. */
    public Builder outputSchema(ObjectNode schema) {
      this.outputSchema = Objects.requireNonNull(schema, "outputSchema");
      return this;
    }

    public Builder annotations(ToolAnnotations annotations) {
      this.annotations = annotations;
      return this;
    }

    public Builder icons(Icon... icons) {
      this.icons = List.of(icons);
      return this;
    }

    public Builder meta(ObjectNode meta) {
      this.meta = meta;
      return this;
    }

    /** How long a call may run before it is interrupted and answered with an error. */
    public Builder timeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("tool '" + name + "': timeout must be positive, got "
            + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether calls may run as tasks (the server must also be given {@code TaskOptions}): {@code
     * FORBIDDEN} (the default) never; {@code OPTIONAL} when the client supports tasks (2026-07-28:
     * declares the {@code io.modelcontextprotocol/tasks} extension; 2025-11-25: sends {@code
     * task}); {@code REQUIRED} always, and a client that does not support tasks is refused.
     */
    public Builder taskSupport(TaskSupport support) {
      this.taskSupport = Objects.requireNonNull(support, "support");
      return this;
    }

    /**
     * For 2026-07-28 clients: run a call for up to {@code grace} before making it a task. A call
     * that finishes sooner is answered directly, and input it asks for sooner is asked with
     * ordinary {@code input_required} rounds; the task starts once it outlasts {@code grace}.
     * Default {@link Duration#ZERO}: the task is created before the handler runs.
     */
    public Builder taskAfter(Duration grace) {
      if (grace == null || grace.isNegative()) {
        throw new IllegalArgumentException("tool '" + name + "': taskAfter must be zero or"
            + " positive, got " + grace);
      }
      this.taskAfter = grace;
      return this;
    }

    /** Runs the tool on raw JSON arguments. */
    public Builder handler(ToolHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * Runs the tool on arguments read into {@code argumentsType}, whose derived schema becomes the
     * input schema (unless one was set).
     */
    public <A extends Record> Builder handler(Class<A> argumentsType,
        TypedToolHandler<A, CallToolResult> handler) {
      RecordSchema<A> input = RecordSchema.of(argumentsType);
      if (inputSchema == null) {
        inputSchema = input.schema();
      }
      Objects.requireNonNull(handler, "handler");
      this.handler = (args, ctx) -> handler.call(input.read(args), ctx);
      return this;
    }

    /**
     * Runs the tool on arguments read into {@code argumentsType} and returns a {@code resultType}
     * record, sent as {@code structuredContent} (and as its JSON text); both schemas are derived.
     */
    public <A extends Record, R extends Record> Builder handler(Class<A> argumentsType,
        Class<R> resultType, TypedToolHandler<A, R> handler) {
      RecordSchema<A> input = RecordSchema.of(argumentsType);
      RecordSchema<R> output = RecordSchema.of(resultType);
      if (inputSchema == null) {
        inputSchema = input.schema();
      }
      if (outputSchema == null) {
        outputSchema = output.schema();
      }
      Objects.requireNonNull(handler, "handler");
      this.handler = (args, ctx) -> CallToolResult.structured(
          output.write(handler.call(input.read(args), ctx)));
      return this;
    }

    /**
     * Checks and builds the definition.
     *
     * @throws IllegalArgumentException naming the tool and what is wrong with it
     */
    public ToolDefinition build() {
      if (name == null || name.isEmpty()) {
        throw new IllegalArgumentException("a tool needs an id: ToolDefinition.builder(name) with"
            + " a name of 1 to 128 characters A-Z a-z 0-9 _ - .");
      }
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("tool '" + name + "': invalid name; use 1 to 128"
            + " characters of A-Z a-z 0-9 _ - . (no spaces or other characters)");
      }
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException("tool '" + name + "': a description is required; say"
            + " what the tool does so a model knows when to call it");
      }
      if (handler == null) {
        throw new IllegalStateException("tool '" + name + "': no handler; call handler(...)");
      }
      ObjectNode in = inputSchema != null ? inputSchema : emptyObjectSchema();
      JsonSchemaValidator inputValidator = compile("input", in);
      try {
        HeaderParams.of(in);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("tool '" + name + "': " + e.getMessage(), e);
      }
      JsonSchemaValidator outputValidator =
          outputSchema == null ? null : compile("output", outputSchema);
      Tool tool = new Tool(name, title, description, in.deepCopy(),
          outputSchema == null ? null : outputSchema.deepCopy(), annotations,
          taskSupport == TaskSupport.FORBIDDEN ? null : new ToolExecution(taskSupport, null), icons,
          meta, null);
      return new ToolDefinition(this, tool, inputValidator, outputValidator);
    }

    private JsonSchemaValidator compile(String which, JsonNode schema) {
      try {
        return ToolSchemas.compile(schema);
      } catch (InvalidSchemaException e) {
        throw new IllegalArgumentException("tool '" + name + "': the " + which + " schema is not"
            + " a valid JSON Schema object: " + e.result().summary(), e);
      }
    }

    private static ObjectNode emptyObjectSchema() {
      ObjectNode schema = dev.mcpkit.core.json.McpJson.object().put("type", "object");
      schema.putObject("properties");
      return schema;
    }
  }
}
