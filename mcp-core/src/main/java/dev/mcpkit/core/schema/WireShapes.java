package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.ProtocolVersion.V2024_11_05;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_03_26;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_06_18;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_11_25;
import static dev.mcpkit.core.schema.ProtocolVersion.V2026_07_28;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data behind {@link ProtocolRevision}'s shaping ({@link Shapes}): for each message shape, the fields that exist only in
 * some versions and the fields that hold nested shapes ({@code X[]} a list, {@code X{}} a map), and
 * for each method the shapes of its params and result. Read off the official schemas; a field not
 * listed exists in every version that has the shape.
 */
final class WireShapes {
  private static final ProtocolVersion FIRST = V2024_11_05;
  private static final ProtocolVersion LAST = V2026_07_28;

  /** A field's version range, or a nested shape, or an "object only before 2026" constraint. */
  record Rule(String field, ProtocolVersion from, ProtocolVersion to, String nested, Check check) {
    boolean existsIn(ProtocolVersion version) {
      return version.isAtLeast(from) && !to.isBefore(version);
    }
  }

  /** Value constraints that differ by version. */
  enum Check { NONE, OBJECT_BEFORE_2026, OBJECT_SCHEMA_BEFORE_2026 }

  /** Shapes of a method's params and result; cacheable results get 2026 cache hints. */
  record MethodShapes(String params, String result, boolean cacheable) {}

  private static final Map<String, List<Rule>> SHAPES = new HashMap<>();
  private static final Map<String, MethodShapes> METHODS = new HashMap<>();
  private static final MethodShapes PLAIN = new MethodShapes("Plain", "Plain", false);

  /** Content block types and the version that introduced each (others: every version). */
  static final Map<String, ProtocolVersion> CONTENT_SINCE = Map.of(
      Content.Audio.TYPE, V2025_03_26,
      Content.ResourceLink.TYPE, V2025_06_18,
      Content.ToolUse.TYPE, V2025_11_25,
      Content.ToolResult.TYPE, V2025_11_25);

  /** Content block type to shape name. */
  static final Map<String, String> CONTENT_SHAPES = Map.of(
      Content.Text.TYPE, "Media", Content.Image.TYPE, "Media", Content.Audio.TYPE, "Media",
      Content.ResourceLink.TYPE, "ResourceLink", Content.EmbeddedResource.TYPE, "EmbeddedResource",
      Content.ToolUse.TYPE, "Plain", Content.ToolResult.TYPE, "ToolResultContent");

  /**
   * Methods the server asks of the client. In 2026-07-28 they travel inside input-required results,
   * so their params carry no {@link Meta.Request} and their results no {@code resultType}.
   */
  static final Set<String> SERVER_TO_CLIENT = Set.of(
      Methods.SAMPLING_CREATE_MESSAGE, Methods.ELICITATION_CREATE, Methods.ROOTS_LIST);

  static {
    shape("Plain");
    shape("Implementation", since(V2025_06_18, "title"),
        since(V2025_11_25, "description", "icons", "websiteUrl"), nest("icons", "Plain[]"));
    shape("ClientCapabilities", since(V2025_06_18, "elicitation"), only(V2025_11_25, "tasks"),
        since(V2026_07_28, "extensions"), nest("roots", "RootsCapability"),
        nest("sampling", "SamplingCapability"), nest("elicitation", "ElicitationCapability"));
    shape("RootsCapability", until(V2025_11_25, "listChanged"));
    shape("SamplingCapability", since(V2025_11_25, "context", "tools"));
    shape("ElicitationCapability", since(V2025_11_25, "form", "url"));
    shape("ServerCapabilities", since(V2025_03_26, "completions"), only(V2025_11_25, "tasks"),
        since(V2026_07_28, "extensions"));
    shape("InitializeParams", nest("capabilities", "ClientCapabilities"),
        nest("clientInfo", "Implementation"));
    shape("InitializeResult", nest("capabilities", "ServerCapabilities"),
        nest("serverInfo", "Implementation"));
    shape("DiscoverResult", nest("capabilities", "ServerCapabilities"));

    shape("Tool", since(V2025_03_26, "annotations"), since(V2025_06_18, "title", "outputSchema",
        "_meta"), since(V2025_11_25, "icons"), only(V2025_11_25, "execution"),
        check("outputSchema", Check.OBJECT_SCHEMA_BEFORE_2026), nest("icons", "Plain[]"));
    shape("ListToolsResult", nest("tools", "Tool[]"));
    shape("CallToolParams", only(V2025_11_25, "task"), retry(), nest("inputResponses",
        "InputResponse{}"));
    shape("CallToolResult", since(V2025_06_18, "structuredContent"),
        check("structuredContent", Check.OBJECT_BEFORE_2026), nest("content", "ContentBlock[]"));

    shape("Media", since(V2025_06_18, "_meta"), nest("annotations", "Annotations"));
    shape("ResourceLink", since(V2025_11_25, "icons"), nest("annotations", "Annotations"),
        nest("icons", "Plain[]"));
    shape("EmbeddedResource", since(V2025_06_18, "_meta"), nest("annotations", "Annotations"),
        nest("resource", "ResourceContents"));
    shape("ToolResultContent", check("structuredContent", Check.OBJECT_BEFORE_2026),
        nest("content", "ContentBlock[]"));
    shape("Annotations", since(V2025_06_18, "lastModified"));

    shape("ResourceContents", since(V2025_06_18, "_meta"));
    shape("Resource", since(V2025_06_18, "title", "_meta"), since(V2025_11_25, "icons"),
        nest("annotations", "Annotations"), nest("icons", "Plain[]"));
    shape("ListResourcesResult", nest("resources", "Resource[]"));
    shape("ListResourceTemplatesResult", nest("resourceTemplates", "Resource[]"));
    shape("ReadResourceParams", retry(), nest("inputResponses", "InputResponse{}"));
    shape("ReadResourceResult", nest("contents", "ResourceContents[]"));

    shape("Prompt", since(V2025_06_18, "title", "_meta"), since(V2025_11_25, "icons"),
        nest("arguments", "PromptArgument[]"), nest("icons", "Plain[]"));
    shape("PromptArgument", since(V2025_06_18, "title"));
    shape("ListPromptsResult", nest("prompts", "Prompt[]"));
    shape("GetPromptParams", retry(), nest("inputResponses", "InputResponse{}"));
    shape("GetPromptResult", nest("messages", "PromptMessage[]"));
    shape("PromptMessage", nest("content", "ContentBlock"));
    shape("CompleteParams", since(V2025_06_18, "context"), nest("ref", "Reference"));
    shape("PromptReference", since(V2025_06_18, "title"));
    shape("ProgressParams", since(V2025_03_26, "message"));

    shape("CreateMessageParams", since(V2025_11_25, "tools", "toolChoice"),
        only(V2025_11_25, "task"), until(V2025_11_25, "_meta"),
        nest("messages", "SamplingMessage[]"), nest("tools", "Tool[]"));
    shape("SamplingMessage", since(V2025_11_25, "_meta"), nest("content", "ContentBlock[]"));
    shape("CreateMessageResult", until(V2025_11_25, "_meta"), nest("content", "ContentBlock[]"));
    shape("ElicitFormParams", since(V2025_11_25, "mode"), only(V2025_11_25, "task"),
        until(V2025_11_25, "_meta"), nest("requestedSchema", "RequestedSchema"));
    shape("ElicitUrlParams", only(V2025_11_25, "elicitationId", "task", "_meta"));
    shape("RequestedSchema", since(V2025_11_25, "$schema"),
        nest("properties", "PrimitiveSchema{}"));
    shape("ValueSchema", since(V2025_11_25, "default"));
    shape("ElicitResult", until(V2025_11_25, "_meta"));
    shape("ListRootsResult", until(V2025_11_25, "_meta"), nest("roots", "Root[]"));
    shape("Root", since(V2025_06_18, "_meta"));

    shape("InputRequiredResult", nest("inputRequests", "InputRequest{}"));
    shape("CreateMessageRequest", nest("params", "CreateMessageParams"));
    shape("ElicitRequest", nest("params", "ElicitParams"));
    shape("CreateTaskResult", nest("task", "Plain"));
    shape("ListTasksResult", nest("tasks", "Plain[]"));

    method(Methods.INITIALIZE, "InitializeParams", "InitializeResult", false);
    method(Methods.SERVER_DISCOVER, "Plain", "DiscoverResult", true);
    method(Methods.TOOLS_LIST, "Plain", "ListToolsResult", true);
    method(Methods.TOOLS_CALL, "CallToolParams", "CallToolResult", false);
    method(Methods.RESOURCES_LIST, "Plain", "ListResourcesResult", true);
    method(Methods.RESOURCES_TEMPLATES_LIST, "Plain", "ListResourceTemplatesResult", true);
    method(Methods.RESOURCES_READ, "ReadResourceParams", "ReadResourceResult", true);
    method(Methods.PROMPTS_LIST, "Plain", "ListPromptsResult", true);
    method(Methods.PROMPTS_GET, "GetPromptParams", "GetPromptResult", false);
    method(Methods.COMPLETION_COMPLETE, "CompleteParams", "Plain", false);
    method(Methods.SAMPLING_CREATE_MESSAGE, "CreateMessageParams", "CreateMessageResult", false);
    method(Methods.ELICITATION_CREATE, "ElicitParams", "ElicitResult", false);
    method(Methods.ROOTS_LIST, "Plain", "ListRootsResult", false);
    method(Methods.TASKS_LIST, "Plain", "ListTasksResult", false);
    method(Methods.NOTIFICATIONS_PROGRESS, "ProgressParams", "Plain", false);
  }

  private WireShapes() {}

  static List<Rule> rules(String shape) {
    List<Rule> rules = SHAPES.get(shape);
    if (rules == null) {
      throw new IllegalStateException("no wire shape " + shape);
    }
    return rules;
  }

  static MethodShapes method(String method) {
    return METHODS.getOrDefault(method, PLAIN);
  }

  private static void shape(String name, Object... rules) {
    List<Rule> flat = new java.util.ArrayList<>();
    for (Object rule : rules) {
      if (rule instanceof Rule single) {
        flat.add(single);
      } else {
        for (Rule each : (Rule[]) rule) {
          flat.add(each);
        }
      }
    }
    SHAPES.put(name, List.copyOf(flat));
  }

  private static void method(String method, String params, String result, boolean cacheable) {
    METHODS.put(method, new MethodShapes(params, result, cacheable));
  }

  private static Rule[] since(ProtocolVersion from, String... fields) {
    return range(from, LAST, fields);
  }

  private static Rule[] until(ProtocolVersion to, String... fields) {
    return range(FIRST, to, fields);
  }

  private static Rule[] only(ProtocolVersion version, String... fields) {
    return range(version, version, fields);
  }

  /** The 2026-07-28 retry fields of requests that can answer "input required". */
  private static Rule[] retry() {
    return since(V2026_07_28, "inputResponses", "requestState");
  }

  private static Rule[] range(ProtocolVersion from, ProtocolVersion to, String... fields) {
    Rule[] rules = new Rule[fields.length];
    for (int i = 0; i < fields.length; i++) {
      rules[i] = new Rule(fields[i], from, to, null, Check.NONE);
    }
    return rules;
  }

  private static Rule nest(String field, String shape) {
    return new Rule(field, FIRST, LAST, shape, Check.NONE);
  }

  private static Rule check(String field, Check check) {
    return new Rule(field, FIRST, LAST, null, check);
  }
}
