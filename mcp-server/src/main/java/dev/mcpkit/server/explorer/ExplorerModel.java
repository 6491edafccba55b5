package dev.mcpkit.server.explorer;

import java.util.List;
import java.util.Objects;

/**
 * Everything the explorer page shows, gathered by the server for one page view.
 *
 * @param serverName the server's name ({@code serverInfo.name}); also the source of the key used in
 *     the connection snippets
 * @param serverVersion the server's version, or null
 * @param endpointUrl the full URL of the MCP endpoint as clients should use it, including a
 *     capability token when the server uses one
 * @param capabilityToken the secret part of {@code endpointUrl} that the page masks until the
 *     operator reveals it, or null when the URL holds no secret
 * @param tools the tools the server exposes, in the order it lists them
 * @param rejected the tools that failed validation and are not exposed
 * @param auth how clients authenticate; decides the form of the snippets
 */
public record ExplorerModel(String serverName, String serverVersion, String endpointUrl,
    String capabilityToken, List<ToolView> tools, List<RejectedTool> rejected, AuthHint auth) {

  public ExplorerModel {
    Objects.requireNonNull(serverName, "serverName");
    Objects.requireNonNull(endpointUrl, "endpointUrl");
    if (!endpointUrl.startsWith("http://") && !endpointUrl.startsWith("https://")) {
      throw new IllegalArgumentException(
          "endpointUrl must be an absolute http(s) URL, got '" + endpointUrl + "'");
    }
    if (capabilityToken != null
        && (capabilityToken.isEmpty() || !endpointUrl.contains(capabilityToken))) {
      throw new IllegalArgumentException("capabilityToken must be a non-empty part of endpointUrl"
          + " (it is what the page masks); pass null when the URL holds no secret");
    }
    tools = List.copyOf(tools == null ? List.of() : tools);
    rejected = List.copyOf(rejected == null ? List.of() : rejected);
    auth = auth == null ? AuthHint.NONE : auth;
  }

  /**
   * The ready-to-paste client configurations the page shows for this endpoint: Claude Desktop and
   * Cursor (through {@code npx mcp-remote URL}), a {@code curl} session and the Java client, keyed by
   * the server's name; with a header API key, the header form instead of a secret in the URL.
   */
  public List<Snippet> snippets() {
    return dev.mcpkit.server.explorer.internal.Snippets.of(this);
  }
}
