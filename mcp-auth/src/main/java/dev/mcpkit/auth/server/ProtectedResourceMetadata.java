package dev.mcpkit.auth.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.internal.Uris;
import dev.mcpkit.core.json.McpJson;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The OAuth 2.0 protected resource metadata (RFC 9728) of an MCP server: which resource it is, which
 * authorization servers issue tokens for it and which scopes it knows. The MCP server serves
 * {@link #toJson()} at {@link #metadataUrl()}.
 *
 * @param resource the MCP server's canonical URI (also the audience its tokens must carry)
 * @param authorizationServers issuer identifiers of the authorization servers
 * @param scopesSupported scopes clients should request for basic use; may be empty
 * @param resourceName a human-readable name, or null
 */
public record ProtectedResourceMetadata(
    URI resource, List<String> authorizationServers, List<String> scopesSupported,
    String resourceName) {
  public ProtectedResourceMetadata {
    Objects.requireNonNull(resource, "resource");
    if (resource.getFragment() != null) {
      throw new IllegalArgumentException("resource must not have a fragment: " + resource);
    }
    authorizationServers = List.copyOf(authorizationServers);
    scopesSupported = scopesSupported == null ? List.of() : List.copyOf(scopesSupported);
  }

  public static ProtectedResourceMetadata of(URI resource, String authorizationServer) {
    return new ProtectedResourceMetadata(resource, List.of(authorizationServer), List.of(), null);
  }

  /** {@code /.well-known/oauth-protected-resource} inserted before the resource's path. */
  public URI metadataUrl() {
    return Uris.wellKnown(resource, "oauth-protected-resource");
  }

  public JsonNode toJson() {
    ObjectNode json = McpJson.object();
    json.put("resource", resource.toString());
    ArrayNode servers = json.putArray("authorization_servers");
    authorizationServers.forEach(servers::add);
    if (!scopesSupported.isEmpty()) {
      ArrayNode scopes = json.putArray("scopes_supported");
      scopesSupported.forEach(scopes::add);
    }
    json.putArray("bearer_methods_supported").add("header");
    if (resourceName != null) {
      json.put("resource_name", resourceName);
    }
    return json;
  }
}
