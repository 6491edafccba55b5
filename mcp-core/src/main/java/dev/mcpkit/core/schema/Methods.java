package dev.mcpkit.core.schema;

import java.util.Set;

/**
 * Every MCP method name, across all versions; {@link ProtocolVersion#definesMethod(String)} says
 * which version has which. Constant names follow the wire name ({@code tools/call} is {@link
 * #TOOLS_CALL}).
 */
public final class Methods {
  // lifecycle
  public static final String INITIALIZE = "initialize";
  public static final String NOTIFICATIONS_INITIALIZED = "notifications/initialized";
  public static final String PING = "ping";
  public static final String SERVER_DISCOVER = "server/discover";
  // tools, resources, prompts, completion
  public static final String TOOLS_LIST = "tools/list";
  public static final String TOOLS_CALL = "tools/call";
  public static final String RESOURCES_LIST = "resources/list";
  public static final String RESOURCES_TEMPLATES_LIST = "resources/templates/list";
  public static final String RESOURCES_READ = "resources/read";
  public static final String RESOURCES_SUBSCRIBE = "resources/subscribe";
  public static final String RESOURCES_UNSUBSCRIBE = "resources/unsubscribe";
  public static final String PROMPTS_LIST = "prompts/list";
  public static final String PROMPTS_GET = "prompts/get";
  public static final String COMPLETION_COMPLETE = "completion/complete";
  public static final String LOGGING_SET_LEVEL = "logging/setLevel";
  public static final String SUBSCRIPTIONS_LISTEN = "subscriptions/listen";
  // asked of the client
  public static final String SAMPLING_CREATE_MESSAGE = "sampling/createMessage";
  public static final String ELICITATION_CREATE = "elicitation/create";
  public static final String ROOTS_LIST = "roots/list";
  // tasks (2025-11-25)
  public static final String TASKS_GET = "tasks/get";
  public static final String TASKS_RESULT = "tasks/result";
  public static final String TASKS_CANCEL = "tasks/cancel";
  public static final String TASKS_LIST = "tasks/list";
  /** {@code io.modelcontextprotocol/tasks} extension (2026-07-28): input for a task. */
  public static final String TASKS_UPDATE = "tasks/update";
  // notifications
  public static final String NOTIFICATIONS_CANCELLED = "notifications/cancelled";
  public static final String NOTIFICATIONS_PROGRESS = "notifications/progress";
  public static final String NOTIFICATIONS_MESSAGE = "notifications/message";
  public static final String NOTIFICATIONS_RESOURCES_UPDATED = "notifications/resources/updated";
  public static final String NOTIFICATIONS_RESOURCES_LIST_CHANGED =
      "notifications/resources/list_changed";
  public static final String NOTIFICATIONS_TOOLS_LIST_CHANGED = "notifications/tools/list_changed";
  public static final String NOTIFICATIONS_PROMPTS_LIST_CHANGED =
      "notifications/prompts/list_changed";
  public static final String NOTIFICATIONS_ROOTS_LIST_CHANGED = "notifications/roots/list_changed";
  public static final String NOTIFICATIONS_ELICITATION_COMPLETE =
      "notifications/elicitation/complete";
  public static final String NOTIFICATIONS_TASKS_STATUS = "notifications/tasks/status";
  public static final String NOTIFICATIONS_SUBSCRIPTIONS_ACKNOWLEDGED =
      "notifications/subscriptions/acknowledged";

  private static final Set<String> ALL = Set.of(
      INITIALIZE, NOTIFICATIONS_INITIALIZED, PING, SERVER_DISCOVER, TOOLS_LIST, TOOLS_CALL,
      RESOURCES_LIST, RESOURCES_TEMPLATES_LIST, RESOURCES_READ, RESOURCES_SUBSCRIBE,
      RESOURCES_UNSUBSCRIBE, PROMPTS_LIST, PROMPTS_GET, COMPLETION_COMPLETE, LOGGING_SET_LEVEL,
      SUBSCRIPTIONS_LISTEN, SAMPLING_CREATE_MESSAGE, ELICITATION_CREATE, ROOTS_LIST, TASKS_GET,
      TASKS_RESULT, TASKS_CANCEL, TASKS_LIST, NOTIFICATIONS_CANCELLED, NOTIFICATIONS_PROGRESS,
      NOTIFICATIONS_MESSAGE, NOTIFICATIONS_RESOURCES_UPDATED, NOTIFICATIONS_RESOURCES_LIST_CHANGED,
      NOTIFICATIONS_TOOLS_LIST_CHANGED, NOTIFICATIONS_PROMPTS_LIST_CHANGED,
      NOTIFICATIONS_ROOTS_LIST_CHANGED, NOTIFICATIONS_ELICITATION_COMPLETE,
      NOTIFICATIONS_TASKS_STATUS, NOTIFICATIONS_SUBSCRIPTIONS_ACKNOWLEDGED);

  private Methods() {}

  /** Every method name of every version. */
  public static Set<String> all() {
    return ALL;
  }

  /** Whether the name is a notification (no response expected). */
  public static boolean isNotification(String method) {
    return method.startsWith("notifications/");
  }
}
