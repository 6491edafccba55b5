package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.Outbound;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.PromptDefinition;
import dev.mcpkit.server.ResourceDefinition;
import dev.mcpkit.server.TaskOptions;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.ServerPeer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The implementation behind {@code McpServer}: what it offers (registries), one method table per
 * way a revision opens a connection (each revision decides which methods its table holds), and
 * who to tell about changes (peers). Thread-safe.
 */
public final class ServerCore {
  static final Logger LOG = LoggerFactory.getLogger("dev.mcpkit.server.McpServer");

  private final ServerConfig config;
  private final Registry<ToolDefinition> tools;
  private final Registry<PromptDefinition> prompts;
  private final Registry<ResourceDefinition> resources;
  private final Registry<ResourceDefinition> templates;
  private final Set<ServerPeer> peers = ConcurrentHashMap.newKeySet();
  private final Map<String, List<HeaderParams.Param>> headerParams = new ConcurrentHashMap<>();
  private final RequestStates requestStates;
  private final ObjectNode serverInfo;
  /** One method table per way of opening a connection ({@code initialize}, {@code server/discover}). */
  private final Map<String, MethodHandlers> tables = new HashMap<>();
  private final Map<ProtocolRevision, ObjectNode> serverInfoByRevision = new ConcurrentHashMap<>();

  private final TaskRuns tasks;

  public ServerCore(ServerConfig config, List<ToolDefinition> tools,
      List<ResourceDefinition> resources, List<PromptDefinition> prompts) {
    this(config, tools, resources, prompts, null);
  }

  /** As above; with {@code tasks} non-null, tools that allow it run as tasks. */
  public ServerCore(ServerConfig config, List<ToolDefinition> tools,
      List<ResourceDefinition> resources, List<PromptDefinition> prompts, TaskOptions tasks) {
    this.config = config;
    this.tasks = tasks == null ? null : new TaskRuns(this, tasks);
    this.tools = new Registry<>("tool", ToolDefinition::name, this::listChanged);
    this.prompts = new Registry<>("prompt", PromptDefinition::name, this::listChanged);
    this.resources = new Registry<>("resource", ResourceDefinition::uri, this::listChanged);
    this.templates = new Registry<>("resource template", ResourceDefinition::uri,
        this::listChanged);
    tools.forEach(this.tools::add);
    prompts.forEach(this.prompts::add);
    resources.forEach(this::addResource);
    this.requestStates = new RequestStates(config.requestStateStore(), config.requestStateTtl(),
        config.clock());
    this.serverInfo = (ObjectNode) McpJson.toTree(config.serverInfo());
    List<ProtocolRevision> newestFirst = new ArrayList<>(ProtocolRevision.all());
    Collections.reverse(newestFirst);
    for (ProtocolRevision r : newestFirst) {
      // the newest revision of each opening decides its table; older ones are shaped from it
      tables.computeIfAbsent(r.opensWith(), k -> buildMethods(r));
    }
    if (config.toolCallTimeoutOverride() != null) {
      LOG.info("tool calls time out after {} ms (environment variable)",
          config.toolCallTimeoutOverride().toMillis());
    }
  }

  private MethodHandlers buildMethods(ProtocolRevision revision) {
    MethodHandlers.Builder b = MethodHandlers.builder();
    LifecycleMethods.register(b, this, revision);
    ToolMethods.register(b, this);
    ResourceMethods.register(b, this, revision);
    PromptMethods.register(b, this);
    if (tasks != null) {
      TaskMethods.register(b, this, revision);
    }
    return RevisionShaping.shaped(b.build(), this, revision);
  }

  public ServerConfig config() {
    return config;
  }

  public Registry<ToolDefinition> tools() {
    return tools;
  }

  public Registry<PromptDefinition> prompts() {
    return prompts;
  }

  public Registry<ResourceDefinition> resources() {
    return resources;
  }

  public Registry<ResourceDefinition> templates() {
    return templates;
  }

  /** The task runtime, or null when the host did not configure tasks. */
  TaskRuns tasks() {
    return tasks;
  }

  RequestStates requestStates() {
    return requestStates;
  }

  /** The server's {@code Implementation} as JSON; do not modify. */
  public ObjectNode serverInfo() {
    return serverInfo;
  }

  /** The server's {@code Implementation} fit to {@code revision}, made once; do not modify. */
  ObjectNode serverInfo(ProtocolRevision revision) {
    return serverInfoByRevision.computeIfAbsent(revision, r -> {
      ObjectNode probe = McpJson.object();
      probe.putObject("_meta").set(Results.SERVER_INFO, serverInfo);
      JsonNode shaped = r.shapeResult(Methods.SERVER_DISCOVER, probe).path("_meta")
          .get(Results.SERVER_INFO);
      return shaped instanceof ObjectNode o ? o : serverInfo.deepCopy();
    });
  }

  public void addResource(ResourceDefinition resource) {
    (resource.isTemplate() ? templates : resources).add(resource);
  }

  public boolean removeResource(String uri) {
    return resources.remove(uri) || templates.remove(uri);
  }

  /** The method table of the revisions that open a connection as {@code revision} does. */
  public MethodHandlers methods(ProtocolRevision revision) {
    return tables.get(revision.opensWith());
  }

  /**
   * An engine for one session, connection, or (2026-07-28) one request, serving the revisions
   * that open a connection as {@code opening} does. Everything it sends is shaped to the revision
   * of its session ({@link Keys#SESSION} in {@code attributes}), else to {@code opening}.
   */
  public ProtocolEngine newEngine(String name, Outbound outbound, Attributes attributes,
      ProtocolRevision opening) {
    return ProtocolEngine.builder()
        .name(name)
        .handlers(methods(opening))
        .outbound(RevisionShaping.shaped(outbound, attributes, opening))
        .attributes(attributes)
        .listener(config.listener())
        .interceptors(config.interceptors())
        .defaultTimeout(Duration.ZERO)
        .build();
  }

  /** The capabilities to declare to a client of {@code revision}: only what it has methods for. */
  public ObjectNode capabilities(ProtocolRevision revision) {
    ObjectNode caps = McpJson.object();
    if (config.logging()) {
      caps.putObject("logging");
    }
    if (config.completions() != null) {
      caps.putObject("completions");
    }
    if (config.promptsCapability()) {
      caps.putObject("prompts").put("listChanged", true);
    }
    if (config.resourcesCapability()) {
      ObjectNode r = caps.putObject("resources");
      if (revision.defines(Methods.RESOURCES_SUBSCRIBE)) {
        r.put("subscribe", true);
      }
      r.put("listChanged", true);
    }
    if (config.toolsCapability()) {
      caps.putObject("tools").put("listChanged", true);
    }
    if (tasks != null) {
      TaskMethods.advertise(caps, revision);
    }
    return caps;
  }

  /** The part of a {@code subscriptions/listen} filter this server honours. */
  public ObjectNode honoredSubscriptions(ObjectNode requested) {
    ObjectNode honored = McpJson.object();
    if (config.toolsCapability() && requested.path("toolsListChanged").asBoolean(false)) {
      honored.put("toolsListChanged", true);
    }
    if (config.promptsCapability() && requested.path("promptsListChanged").asBoolean(false)) {
      honored.put("promptsListChanged", true);
    }
    if (config.resourcesCapability()) {
      if (requested.path("resourcesListChanged").asBoolean(false)) {
        honored.put("resourcesListChanged", true);
      }
      JsonNode uris = requested.get("resourceSubscriptions");
      if (uris != null && uris.isArray()) {
        honored.set("resourceSubscriptions", uris.deepCopy());
      }
    }
    return honored;
  }

  /**
   * Where answers to a task's pending input go when the task does not run in this JVM: another
   * instance of the server may run it.
   */
  public void forwardTaskInput(java.util.function.BiConsumer<String, ObjectNode> elsewhere) {
    if (tasks != null) {
      tasks.forwardTo(elsewhere);
    }
  }

  /** Answers to a task's pending input another instance took; used only if the task runs here. */
  public void taskInputFromElsewhere(String taskId, ObjectNode answers) {
    if (tasks != null) {
      tasks.updateHere(taskId, answers);
    }
  }

  public void addPeer(ServerPeer peer) {
    peers.add(peer);
  }

  public void removePeer(ServerPeer peer) {
    peers.remove(peer);
  }

  /** Why a 2026-07-28 call's {@code Mcp-Param-*} headers do not match its arguments, or null. */
  public String checkParamHeaders(JsonNode params, Function<String, String> headers) {
    String name = params == null ? null : params.path("name").asText(null);
    ToolDefinition tool = name == null ? null : tools.get(name);
    if (tool == null) {
      return null;
    }
    List<HeaderParams.Param> mirrored = headerParams.computeIfAbsent(name,
        n -> HeaderParams.of(tool.tool().inputSchema()));
    return mirrored.isEmpty() ? null : HeaderParams.check(mirrored, params.get("arguments"),
        headers);
  }

  private void listChanged(String kind, String name) {
    if ("tool".equals(kind) && headerParams != null) {
      headerParams.remove(name);
    }
    String family = switch (kind) {
      case "tool" -> "tools";
      case "prompt" -> "prompts";
      default -> "resources";
    };
    for (ServerPeer p : peers) {
      try {
        p.listChanged(family, name);
      } catch (RuntimeException e) {
        LOG.debug("could not tell a client that the {} list changed: {}", family, e.toString());
      }
    }
  }

  public void resourceUpdated(String uri) {
    for (ServerPeer p : peers) {
      try {
        p.resourceUpdated(uri);
      } catch (RuntimeException e) {
        LOG.debug("could not tell a client that {} changed: {}", uri, e.toString());
      }
    }
  }
}
