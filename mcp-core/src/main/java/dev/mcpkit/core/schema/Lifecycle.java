package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Icons.Icon;
import java.util.List;
import java.util.Map;

/**
 * Lifecycle: who the peers are and what they support. The session protocol (2024-11-05 to
 * 2025-11-25) negotiates once with {@code initialize} and {@code notifications/initialized}; the
 * stateless 2026-07-28 protocol sends client info and capabilities with every request (see {@link
 * Meta.Request}) and lets clients ask {@code server/discover}.
 *
 * <p>A capability is advertised by being present; an empty object means "supported, no options".
 */
public final class Lifecycle {
  private Lifecycle() {}

  /**
   * Name and version of a client or server; {@code title} from 2025-06-18, {@code description},
   * {@code icons} and {@code websiteUrl} from 2025-11-25.
   */
  public record Implementation(
      String name,
      String title,
      String version,
      String description,
      List<Icon> icons,
      String websiteUrl,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Implementation {
      Immutable.required(name, "Implementation.name");
      Immutable.required(version, "Implementation.version");
      icons = Immutable.list(icons);
      extra = Immutable.extra(extra);
    }

    public Implementation(String name, String version) {
      this(name, null, version, null, null, null, null);
    }
  }

  /**
   * What a client supports. {@code elicitation} from 2025-06-18, {@code tasks} only in 2025-11-25,
   * {@code extensions} (keyed by extension id, e.g. {@code io.modelcontextprotocol/ui}) from
   * 2026-07-28.
   */
  public record ClientCapabilities(
      RootsCapability roots,
      SamplingCapability sampling,
      ElicitationCapability elicitation,
      TasksCapability tasks,
      Map<String, ObjectNode> experimental,
      Map<String, ObjectNode> extensions,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    /** No optional capabilities. */
    public static final ClientCapabilities NONE =
        new ClientCapabilities(null, null, null, null, null, null, null);

    public ClientCapabilities {
      experimental = Immutable.map(experimental);
      extensions = Immutable.map(extensions);
      extra = Immutable.extra(extra);
    }
  }

  /** The client can list roots; {@code listChanged} (until 2025-11-25) if it notifies changes. */
  public record RootsCapability(
      Boolean listChanged,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public RootsCapability {
      extra = Immutable.extra(extra);
    }

    public RootsCapability(Boolean listChanged) {
      this(listChanged, null);
    }
  }

  /**
   * The client can sample its LLM; {@code context} ({@code includeContext} support, deprecated)
   * and {@code tools} (tool use in sampling) from 2025-11-25.
   */
  public record SamplingCapability(
      ObjectNode context,
      ObjectNode tools,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public SamplingCapability {
      extra = Immutable.extra(extra);
    }

    public SamplingCapability() {
      this(null, null, null);
    }
  }

  /**
   * The client can elicit user input; {@code form} and {@code url} modes are listed from 2025-11-25
   * (an empty object means form mode only).
   */
  public record ElicitationCapability(
      ObjectNode form,
      ObjectNode url,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ElicitationCapability {
      extra = Immutable.extra(extra);
    }

    public ElicitationCapability() {
      this(null, null, null);
    }
  }

  /**
   * Task support (2025-11-25): {@code list} and {@code cancel}, and in {@code requests} the
   * methods that may be task-augmented, nested by method segments (a server's {@code
   * {"tools": {"call": {}}}}, a client's {@code {"sampling": {"createMessage": {}}}}).
   */
  public record TasksCapability(
      ObjectNode list,
      ObjectNode cancel,
      ObjectNode requests,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public TasksCapability {
      extra = Immutable.extra(extra);
    }

    /** Whether {@code requests} lists the method, e.g. {@code tools/call}. */
    public boolean supports(String method) {
      JsonNode node = requests;
      for (String segment : method.split("/")) {
        node = node == null ? null : node.get(segment);
      }
      return node != null && node.isObject();
    }
  }

  /**
   * What a server supports. {@code completions} from 2025-03-26, {@code tasks} only in 2025-11-25,
   * {@code extensions} (e.g. {@code io.modelcontextprotocol/tasks}) from 2026-07-28.
   */
  public record ServerCapabilities(
      ObjectNode logging,
      ObjectNode completions,
      PromptsCapability prompts,
      ResourcesCapability resources,
      ToolsCapability tools,
      TasksCapability tasks,
      Map<String, ObjectNode> experimental,
      Map<String, ObjectNode> extensions,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    /** No optional capabilities. */
    public static final ServerCapabilities NONE =
        new ServerCapabilities(null, null, null, null, null, null, null, null, null);

    public ServerCapabilities {
      experimental = Immutable.map(experimental);
      extensions = Immutable.map(extensions);
      extra = Immutable.extra(extra);
    }
  }

  /** The server offers prompts; {@code listChanged} if it notifies changes. */
  public record PromptsCapability(
      Boolean listChanged,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public PromptsCapability {
      extra = Immutable.extra(extra);
    }

    public PromptsCapability(Boolean listChanged) {
      this(listChanged, null);
    }
  }

  /** The server offers resources; {@code subscribe} to single resources, {@code listChanged}. */
  public record ResourcesCapability(
      Boolean subscribe,
      Boolean listChanged,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ResourcesCapability {
      extra = Immutable.extra(extra);
    }

    public ResourcesCapability(Boolean subscribe, Boolean listChanged) {
      this(subscribe, listChanged, null);
    }
  }

  /** The server offers tools; {@code listChanged} if it notifies changes. */
  public record ToolsCapability(
      Boolean listChanged,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public ToolsCapability {
      extra = Immutable.extra(extra);
    }

    public ToolsCapability(Boolean listChanged) {
      this(listChanged, null);
    }
  }

  /** Params of {@code initialize} (session protocol). */
  public record InitializeParams(
      String protocolVersion,
      ClientCapabilities capabilities,
      Implementation clientInfo,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public InitializeParams {
      Immutable.required(protocolVersion, "InitializeRequestParams.protocolVersion");
      Immutable.required(capabilities, "InitializeRequestParams.capabilities");
      Immutable.required(clientInfo, "InitializeRequestParams.clientInfo");
      extra = Immutable.extra(extra);
    }

    public InitializeParams(
        String protocolVersion, ClientCapabilities capabilities, Implementation clientInfo) {
      this(protocolVersion, capabilities, clientInfo, null, null);
    }
  }

  /** Result of {@code initialize}: the version the server chose, its capabilities and info. */
  public record InitializeResult(
      String protocolVersion,
      ServerCapabilities capabilities,
      Implementation serverInfo,
      String instructions,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public InitializeResult {
      Immutable.required(protocolVersion, "InitializeResult.protocolVersion");
      Immutable.required(capabilities, "InitializeResult.capabilities");
      Immutable.required(serverInfo, "InitializeResult.serverInfo");
      extra = Immutable.extra(extra);
    }

    public InitializeResult(String protocolVersion, ServerCapabilities capabilities,
        Implementation serverInfo, String instructions) {
      this(protocolVersion, capabilities, serverInfo, instructions, null, null);
    }
  }

  /**
   * Result of {@code server/discover} (2026-07-28): the versions the server speaks, its
   * capabilities and instructions, cacheable for {@code ttlMs}. Server info travels in {@code
   * _meta} under {@link Meta#SERVER_INFO}.
   */
  public record DiscoverResult(
      List<String> supportedVersions,
      ServerCapabilities capabilities,
      String instructions,
      Long ttlMs,
      CacheScope cacheScope,
      String resultType,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DiscoverResult {
      supportedVersions = Immutable.list(
          Immutable.required(supportedVersions, "DiscoverResult.supportedVersions"));
      Immutable.required(capabilities, "DiscoverResult.capabilities");
      extra = Immutable.extra(extra);
    }
  }
}
