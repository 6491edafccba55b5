package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.Samples.json;
import static dev.mcpkit.core.schema.Samples.meta;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Every message the SDK writes, as a case: the method, which side of it, and an instance. */
final class MessageCatalog {
  enum Kind { REQUEST, NOTIFICATION, RESULT }

  /**
   * One message. Requests and notifications are checked against the definition whose {@code
   * method} is the method; results against {@code definition}, wrapped in {@code envelope} (default
   * {@code <definition>Response}) where the version defines it.
   */
  record Case(String name, Kind kind, String method, String definition, String envelope,
      Predicate<ProtocolVersion> onlyIn, Object value) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case request(String name, String method, Object params) {
    return new Case(name, Kind.REQUEST, method, null, null, v -> true, params);
  }

  private static Case notification(String name, String method, Object params) {
    return new Case(name, Kind.NOTIFICATION, method, null, null, v -> true, params);
  }

  private static Case result(String name, String method, String definition, Object result) {
    return new Case(name, Kind.RESULT, method, definition, null, v -> true, result);
  }

  private static Case only(Case c, Predicate<ProtocolVersion> versions) {
    return new Case(c.name(), c.kind(), c.method(), c.definition(), c.envelope(), versions,
        c.value());
  }

  private static Case envelope(Case c, String envelope) {
    return new Case(c.name(), c.kind(), c.method(), c.definition(), envelope, c.onlyIn(),
        c.value());
  }

  static final List<Case> ALL = List.of(
      // lifecycle
      request("initialize request", Methods.INITIALIZE, new Lifecycle.InitializeParams(
          "2025-06-18", Samples.clientCapabilities(), Samples.implementation("client"), meta(),
          null)),
      result("initialize result", Methods.INITIALIZE, "InitializeResult",
          new Lifecycle.InitializeResult("2025-06-18", Samples.serverCapabilities(),
              Samples.implementation("server"), "Use get_weather for forecasts.", meta(), null)),
      notification("initialized notification", Methods.NOTIFICATIONS_INITIALIZED,
          Base.NotificationParams.EMPTY),
      request("ping request", Methods.PING, Base.RequestParams.EMPTY),
      result("ping result", Methods.PING, "EmptyResult", Base.EmptyResult.INSTANCE),
      request("discover request", Methods.SERVER_DISCOVER,
          new Base.RequestParams(Samples.requestMeta(), null)),
      result("discover result", Methods.SERVER_DISCOVER, "DiscoverResult",
          new Lifecycle.DiscoverResult(
              ProtocolVersion.all().stream().map(ProtocolVersion::id).toList(),
              Samples.serverCapabilities(), "Weather tools.", 3_600_000L, Samples.scope(), null,
              Meta.withServerInfo(meta(), Samples.implementation("server")), null)),
      // tools
      request("tools/list request with cursor", Methods.TOOLS_LIST,
          new Pagination.PaginatedParams("page-2", Samples.requestMeta(), null)),
      result("tools/list result with a fully described tool", Methods.TOOLS_LIST,
          "ListToolsResult", new Tools.ListToolsResult(List.of(Samples.tool(),
              new Tools.Tool("ping", "Checks liveness", json("{\"type\": \"object\"}"))),
              "page-3", 60_000L, Samples.scope(), null, meta(), null)),
      request("tools/call request", Methods.TOOLS_CALL, new Tools.CallToolParams("get_weather",
          json("{\"city\": \"Paris\"}"), new Tasks.TaskMetadata(60_000L),
          Samples.inputResponses(), "opaque-state", Samples.requestMeta(), null)),
      result("tools/call result with every content kind", Methods.TOOLS_CALL, "CallToolResult",
          new Tools.CallToolResult(Samples.everyContentKind(), null, false, null, meta(), null)),
      result("tools/call result with structured content", Methods.TOOLS_CALL, "CallToolResult",
          Tools.CallToolResult.structured(json("{\"celsius\": 21.5, \"sky\": \"clear\"}"))),
      result("tools/call result with array structured content", Methods.TOOLS_CALL,
          "CallToolResult", Tools.CallToolResult.structured(
              OfficialExamplesTest.reparse("[{\"city\": \"Paris\"}, {\"city\": \"Rome\"}]"))),
      result("tools/call tool failure as a result", Methods.TOOLS_CALL, "CallToolResult",
          Tools.CallToolResult.error("City 'Atlantis' not found")),
      envelope(result("tools/call input required", Methods.TOOLS_CALL, "InputRequiredResult",
          new Inputs.InputRequiredResult(Map.of(
              "login", new Inputs.ElicitRequest(new Elicitation.FormParams("Your GitHub login?",
                  Samples.basicForm())),
              "capital", new Inputs.CreateMessageRequest(Samples.samplingParams(true)),
              "roots", new Inputs.ListRootsRequest()), "state-1")), "CallToolResultResponse"),
      result("tools/call task created", Methods.TOOLS_CALL, "CreateTaskResult",
          new Tasks.CreateTaskResult(Samples.task(Tasks.TaskStatus.WORKING))),
      notification("tools list changed", Methods.NOTIFICATIONS_TOOLS_LIST_CHANGED,
          Base.NotificationParams.EMPTY),
      // resources
      request("resources/list request", Methods.RESOURCES_LIST,
          Pagination.PaginatedParams.FIRST_PAGE),
      result("resources/list result", Methods.RESOURCES_LIST, "ListResourcesResult",
          new Resources.ListResourcesResult(List.of(Samples.resource()), "next", 600_000L,
              Samples.scope(), null, meta(), null)),
      request("resources/templates/list request", Methods.RESOURCES_TEMPLATES_LIST,
          Pagination.PaginatedParams.after("abc")),
      result("resources/templates/list result", Methods.RESOURCES_TEMPLATES_LIST,
          "ListResourceTemplatesResult",
          new Resources.ListResourceTemplatesResult(List.of(Samples.template()), null)),
      request("resources/read request", Methods.RESOURCES_READ,
          new Resources.ReadResourceParams("file:///project/README.md")),
      result("resources/read result with text and blob", Methods.RESOURCES_READ,
          "ReadResourceResult", new Resources.ReadResourceResult(List.of(
              new Resources.TextResourceContents("file:///a.md", "text/markdown", "# A", meta(),
                  null),
              new Resources.BlobResourceContents("file:///a.png", "image/png", "iVBORw0KGgo="))
          )),
      request("resources/subscribe request", Methods.RESOURCES_SUBSCRIBE,
          new Resources.SubscribeParams("file:///a.md")),
      request("resources/unsubscribe request", Methods.RESOURCES_UNSUBSCRIBE,
          new Resources.UnsubscribeParams("file:///a.md")),
      result("resources/subscribe result", Methods.RESOURCES_SUBSCRIBE, "EmptyResult",
          Base.EmptyResult.INSTANCE),
      notification("resource updated", Methods.NOTIFICATIONS_RESOURCES_UPDATED,
          new Resources.ResourceUpdatedParams("file:///a.md", json(
              "{\"io.modelcontextprotocol/subscriptionId\": \"listen-1\"}"), null)),
      notification("resources list changed", Methods.NOTIFICATIONS_RESOURCES_LIST_CHANGED,
          Base.NotificationParams.EMPTY),
      // prompts and completion
      request("prompts/list request", Methods.PROMPTS_LIST, Pagination.PaginatedParams.FIRST_PAGE),
      result("prompts/list result", Methods.PROMPTS_LIST, "ListPromptsResult",
          new Prompts.ListPromptsResult(List.of(Samples.prompt()), null)),
      request("prompts/get request", Methods.PROMPTS_GET,
          new Prompts.GetPromptParams("code_review", Map.of("code", "print(1)"))),
      result("prompts/get result with every content kind", Methods.PROMPTS_GET,
          "GetPromptResult", new Prompts.GetPromptResult("Code review",
              Samples.everyContentKind().stream()
                  .map(block -> new Prompts.PromptMessage(Role.USER, block)).toList())),
      notification("prompts list changed", Methods.NOTIFICATIONS_PROMPTS_LIST_CHANGED,
          Base.NotificationParams.EMPTY),
      request("completion request for a prompt", Methods.COMPLETION_COMPLETE,
          new Completions.CompleteParams(new Completions.PromptReference("code_review", "Review",
              null), new Completions.Argument("language", "py"),
              new Completions.Context(Map.of("framework", "flask")), null, null)),
      request("completion request for a template", Methods.COMPLETION_COMPLETE,
          new Completions.CompleteParams(new Completions.ResourceTemplateReference(
              "file:///{path}"), new Completions.Argument("path", "src/"))),
      result("completion result", Methods.COMPLETION_COMPLETE, "CompleteResult",
          new Completions.CompleteResult(new Completions.Completion(
              List.of("python", "pytorch"), 10, true, null))),
      // logging, progress, cancellation
      request("logging/setLevel request", Methods.LOGGING_SET_LEVEL,
          new Logging.SetLevelParams(LoggingLevel.WARNING)),
      notification("log message", Methods.NOTIFICATIONS_MESSAGE, new Logging.LoggingMessageParams(
          LoggingLevel.ERROR, "database", json("{\"error\": \"Connection failed\"}"))),
      notification("progress", Methods.NOTIFICATIONS_PROGRESS, new Progress.ProgressParams(
          TextNode.valueOf("tok-1"), 50, 100, "Reticulating splines")),
      notification("cancelled", Methods.NOTIFICATIONS_CANCELLED,
          new Cancellation.CancelledParams(Samples.id(7), "User requested cancellation")),
      // sampling
      request("sampling request with tools", Methods.SAMPLING_CREATE_MESSAGE,
          Samples.samplingParams(true)),
      result("sampling text result", Methods.SAMPLING_CREATE_MESSAGE, "CreateMessageResult",
          new Sampling.CreateMessageResult(Role.ASSISTANT, List.of(new Content.Text("Paris")),
              "claude-3-sonnet", Sampling.StopReason.END_TURN, meta(), null)),
      only(result("sampling tool-use result", Methods.SAMPLING_CREATE_MESSAGE,
          "CreateMessageResult", Samples.samplingToolUse()), ProtocolVersion::hasSamplingTools),
      // elicitation
      request("elicitation form request", Methods.ELICITATION_CREATE,
          new Elicitation.FormParams("form", "Contact details?", Samples.basicForm(),
              new Tasks.TaskMetadata(30_000L), meta(), null)),
      only(request("elicitation form with titled and multi-select enums",
          Methods.ELICITATION_CREATE, new Elicitation.FormParams("Pizza order?",
              Samples.enumForm())), ProtocolVersion::hasUrlElicitation),
      only(request("elicitation URL request", Methods.ELICITATION_CREATE,
          new Elicitation.UrlParams("Enter your API key", "https://example.com/keys",
              "elicit-1", null, meta(), null)), ProtocolVersion::hasUrlElicitation),
      result("elicitation accepted", Methods.ELICITATION_CREATE, "ElicitResult",
          new Elicitation.ElicitResult(Elicitation.Action.ACCEPT, Map.of(
              "name", TextNode.valueOf("Ada"), "age", Samples.id(36)), meta(), null)),
      only(result("elicitation accepted with a multi-select", Methods.ELICITATION_CREATE,
          "ElicitResult", Elicitation.ElicitResult.accept(Map.of("toppings",
              OfficialExamplesTest.reparse("[\"ham\", \"cheese\"]")))),
          ProtocolVersion::hasUrlElicitation),
      result("elicitation declined", Methods.ELICITATION_CREATE, "ElicitResult",
          Elicitation.ElicitResult.decline()),
      notification("elicitation complete", Methods.NOTIFICATIONS_ELICITATION_COMPLETE,
          new Elicitation.ElicitationCompleteParams("elicit-1")),
      // roots
      request("roots/list request", Methods.ROOTS_LIST, Base.RequestParams.EMPTY),
      result("roots/list result", Methods.ROOTS_LIST, "ListRootsResult",
          new Roots.ListRootsResult(List.of(new Roots.Root("file:///repo", "Repo", meta(), null)),
              meta(), null)),
      notification("roots list changed", Methods.NOTIFICATIONS_ROOTS_LIST_CHANGED,
          Base.NotificationParams.EMPTY),
      // tasks
      request("tasks/get request", Methods.TASKS_GET, new Tasks.TaskIdParams("task-42")),
      request("tasks/result request", Methods.TASKS_RESULT, new Tasks.TaskIdParams("task-42")),
      result("tasks/result result: the original call's result", Methods.TASKS_RESULT,
          "GetTaskPayloadResult", new Tools.CallToolResult(List.of(new Content.Text("done")),
              null, null, null, json("{\"io.modelcontextprotocol/related-task\":"
                  + " {\"taskId\": \"task-42\"}}"), null)),
      request("tasks/list request", Methods.TASKS_LIST, Pagination.PaginatedParams.FIRST_PAGE),
      request("tasks/cancel request", Methods.TASKS_CANCEL, new Tasks.TaskIdParams("task-42")),
      result("tasks/get result", Methods.TASKS_GET, "GetTaskResult",
          Samples.task(Tasks.TaskStatus.INPUT_REQUIRED)),
      result("tasks/list result", Methods.TASKS_LIST, "ListTasksResult",
          new Tasks.ListTasksResult(List.of(Samples.task(Tasks.TaskStatus.COMPLETED)), null)),
      result("tasks/cancel result", Methods.TASKS_CANCEL, "CancelTaskResult",
          Samples.task(Tasks.TaskStatus.CANCELLED)),
      notification("task status", Methods.NOTIFICATIONS_TASKS_STATUS,
          Samples.task(Tasks.TaskStatus.FAILED)),
      // subscriptions (2026-07-28)
      request("subscriptions/listen request", Methods.SUBSCRIPTIONS_LISTEN,
          new Subscriptions.ListenParams(new Subscriptions.SubscriptionFilter(true, true, true,
              List.of("file:///a.md"), null))),
      notification("subscriptions acknowledged", Methods.NOTIFICATIONS_SUBSCRIPTIONS_ACKNOWLEDGED,
          new Subscriptions.AcknowledgedParams(new Subscriptions.SubscriptionFilter(true, null,
              null, null, null), json("{\"io.modelcontextprotocol/subscriptionId\": 3}"), null)),
      result("subscriptions/listen result", Methods.SUBSCRIPTIONS_LISTEN,
          "SubscriptionsListenResult", new Subscriptions.ListenResult(null,
              json("{\"io.modelcontextprotocol/subscriptionId\": 3}"), null)));

  private MessageCatalog() {}
}
