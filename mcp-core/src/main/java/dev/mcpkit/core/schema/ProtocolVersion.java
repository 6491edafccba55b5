package dev.mcpkit.core.schema;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The MCP protocol versions this SDK speaks, oldest first (so {@code compareTo} orders them), and
 * every rule that differs between them. Each rule is read off that version's official schema; the
 * tests check them against the schema files.
 */
public enum ProtocolVersion {
  V2024_11_05("2024-11-05"),
  V2025_03_26("2025-03-26"),
  V2025_06_18("2025-06-18"),
  V2025_11_25("2025-11-25"),
  V2026_07_28("2026-07-28");

  private static final List<ProtocolVersion> ALL = List.of(values());
  private static final List<ProtocolVersion> SESSION =
      ALL.stream().filter(ProtocolVersion::hasInitialize).collect(Collectors.toUnmodifiableList());

  /** Methods that exist in some versions only: name to {first, last} version defining it. */
  private static final Map<String, ProtocolVersion[]> METHOD_RANGES = Map.ofEntries(
      range(Methods.INITIALIZE, V2024_11_05, V2025_11_25),
      range(Methods.NOTIFICATIONS_INITIALIZED, V2024_11_05, V2025_11_25),
      range(Methods.PING, V2024_11_05, V2025_11_25),
      range(Methods.LOGGING_SET_LEVEL, V2024_11_05, V2025_11_25),
      range(Methods.RESOURCES_SUBSCRIBE, V2024_11_05, V2025_11_25),
      range(Methods.RESOURCES_UNSUBSCRIBE, V2024_11_05, V2025_11_25),
      range(Methods.NOTIFICATIONS_ROOTS_LIST_CHANGED, V2024_11_05, V2025_11_25),
      range(Methods.ELICITATION_CREATE, V2025_06_18, V2026_07_28),
      range(Methods.NOTIFICATIONS_ELICITATION_COMPLETE, V2025_11_25, V2025_11_25),
      range(Methods.TASKS_GET, V2025_11_25, V2025_11_25),
      range(Methods.TASKS_RESULT, V2025_11_25, V2025_11_25),
      range(Methods.TASKS_CANCEL, V2025_11_25, V2025_11_25),
      range(Methods.TASKS_LIST, V2025_11_25, V2025_11_25),
      range(Methods.NOTIFICATIONS_TASKS_STATUS, V2025_11_25, V2025_11_25),
      range(Methods.SERVER_DISCOVER, V2026_07_28, V2026_07_28),
      range(Methods.SUBSCRIPTIONS_LISTEN, V2026_07_28, V2026_07_28),
      range(Methods.NOTIFICATIONS_SUBSCRIPTIONS_ACKNOWLEDGED, V2026_07_28, V2026_07_28));

  private final String id;

  ProtocolVersion(String id) {
    this.id = id;
  }

  /** The wire form, e.g. {@code "2025-06-18"}. */
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }

  /** The newest version. */
  public static ProtocolVersion latest() {
    return V2026_07_28;
  }

  /** All versions, oldest first. */
  public static List<ProtocolVersion> all() {
    return ALL;
  }

  /** The versions negotiated with {@code initialize} (all but the stateless one), oldest first. */
  public static List<ProtocolVersion> sessionVersions() {
    return SESSION;
  }

  /** The version with this wire form, or empty for one this SDK does not speak. */
  public static Optional<ProtocolVersion> parse(String id) {
    for (ProtocolVersion v : ALL) { // a loop, not a stream: asked on every request
      if (v.id.equals(id)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /**
   * The version with this wire form.
   *
   * @throws IllegalArgumentException listing the supported versions when it is not one of them
   */
  public static ProtocolVersion of(String id) {
    return parse(id).orElseThrow(() -> new IllegalArgumentException(
        "unsupported MCP protocol version '" + id + "'; supported: "
            + Arrays.stream(values()).map(ProtocolVersion::id).collect(Collectors.joining(", "))));
  }

  public boolean isAtLeast(ProtocolVersion other) {
    return compareTo(other) >= 0;
  }

  public boolean isBefore(ProtocolVersion other) {
    return compareTo(other) < 0;
  }

  /** Whether the version defines this method (unknown names: false). */
  public boolean definesMethod(String method) {
    ProtocolVersion[] range = METHOD_RANGES.get(method);
    if (range == null) {
      return Methods.all().contains(method);
    }
    return isAtLeast(range[0]) && !range[1].isBefore(this);
  }

  // lifecycle and transport

  /** JSON-RPC batches (arrays of messages): 2025-03-26 only. */
  public boolean supportsBatches() {
    return this == V2025_03_26;
  }

  /** Stateless: no {@code initialize} or session; every request carries {@link Meta.Request}. */
  public boolean isStateless() {
    return this == V2026_07_28;
  }

  /** Session protocol with {@code initialize}, {@code ping}, {@code logging/setLevel}. */
  public boolean hasInitialize() {
    return !isStateless();
  }

  /** {@code server/discover}, {@code subscriptions/listen}, {@code extensions} capabilities. */
  public boolean hasDiscover() {
    return isAtLeast(V2026_07_28);
  }

  // content and metadata

  /** Audio content blocks. */
  public boolean hasAudioContent() {
    return isAtLeast(V2025_03_26);
  }

  /** {@code Tool.annotations}. */
  public boolean hasToolAnnotations() {
    return isAtLeast(V2025_03_26);
  }

  /** The {@code completions} server capability. */
  public boolean hasCompletionsCapability() {
    return isAtLeast(V2025_03_26);
  }

  /** {@code message} in progress notifications. */
  public boolean hasProgressMessage() {
    return isAtLeast(V2025_03_26);
  }

  /** {@code title} on implementations, tools, prompts, resources and arguments. */
  public boolean hasTitles() {
    return isAtLeast(V2025_06_18);
  }

  /** {@code Tool.outputSchema}. */
  public boolean hasOutputSchema() {
    return isAtLeast(V2025_06_18);
  }

  /** {@code CallToolResult.structuredContent}. */
  public boolean hasStructuredContent() {
    return isAtLeast(V2025_06_18);
  }

  /** Structured content and output schemas may be any JSON (not only objects). */
  public boolean allowsNonObjectStructuredContent() {
    return isAtLeast(V2026_07_28);
  }

  /** Resource link content blocks. */
  public boolean hasResourceLinks() {
    return isAtLeast(V2025_06_18);
  }

  /** {@code _meta} on content blocks, tools, prompts, resources and roots. */
  public boolean hasMetaOnEntities() {
    return isAtLeast(V2025_06_18);
  }

  /** {@code context} (resolved arguments) in {@code completion/complete}. */
  public boolean hasCompletionContext() {
    return isAtLeast(V2025_06_18);
  }

  /** Icons on implementations, tools, prompts and resources. */
  public boolean hasIcons() {
    return isAtLeast(V2025_11_25);
  }

  /** Both {@link #hasTitles()} and {@link #hasIcons()} (they arrived in different versions). */
  public boolean hasTitleAndIcons() {
    return hasTitles() && hasIcons();
  }

  // client features

  /** Form-mode elicitation ({@code elicitation/create}). */
  public boolean hasElicitation() {
    return isAtLeast(V2025_06_18);
  }

  /** URL-mode elicitation and the titled and multi-select enum schemas. */
  public boolean hasUrlElicitation() {
    return isAtLeast(V2025_11_25);
  }

  /** Tool use in sampling ({@code tools}, {@code toolChoice}, tool use and result content). */
  public boolean hasSamplingTools() {
    return isAtLeast(V2025_11_25);
  }

  /** Tasks in the core protocol (2025-11-25; later an extension). */
  public boolean hasTasks() {
    return this == V2025_11_25;
  }

  // 2026-07-28 results

  /** Every result must carry {@code resultType}. */
  public boolean requiresResultType() {
    return isAtLeast(V2026_07_28);
  }

  /** Input-required results and retries with {@code inputResponses}/{@code requestState}. */
  public boolean hasInputRequired() {
    return isAtLeast(V2026_07_28);
  }

  /** {@code ttlMs} and {@code cacheScope} on list, read and discover results (required). */
  public boolean hasCacheHints() {
    return isAtLeast(V2026_07_28);
  }

  private static Map.Entry<String, ProtocolVersion[]> range(
      String method, ProtocolVersion first, ProtocolVersion last) {
    return Map.entry(method, new ProtocolVersion[] {first, last});
  }
}
