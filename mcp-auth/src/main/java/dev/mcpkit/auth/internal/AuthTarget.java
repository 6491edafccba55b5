package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import java.net.URI;
import java.util.List;

/**
 * What discovery found for one MCP server: the resource indicator to request tokens for, the chosen
 * authorization server's validated metadata, and the scopes the protected resource metadata suggests.
 *
 * @param server the MCP server's canonical URI
 * @param resource the RFC 8707 resource indicator (the metadata's {@code resource}, else the server)
 * @param metadata the authorization server's metadata, its issuer checked against the one asked for
 * @param resourceScopes {@code scopes_supported} of the protected resource metadata, or null
 * @param legacy true when the server published no protected resource metadata (2025-03-26 servers)
 */
public record AuthTarget(
    URI server,
    URI resource,
    AuthorizationServerMetadata metadata,
    List<String> resourceScopes,
    boolean legacy) {
  public String issuer() {
    return metadata.getIssuer().getValue();
  }

  public boolean issParameterSupported() {
    return metadata.supportsAuthorizationResponseIssuerParam();
  }

  public boolean clientIdMetadataDocumentSupported() {
    return Boolean.TRUE.equals(metadata.getCustomParameter("client_id_metadata_document_supported"));
  }

  public List<String> authorizationServerScopes() {
    return metadata.getScopes() == null ? null : metadata.getScopes().toStringList();
  }
}
