package dev.mcpkit.policy;

import dev.mcpkit.policy.internal.Checks;
import dev.mcpkit.policy.internal.IconCheck;
import java.net.URI;
import java.util.Objects;

/**
 * An MCP server an organization admin registered. Validated on construction; never carries a secret
 * (a custom OAuth client secret goes to the encrypted token store, see
 * {@link McpGovernance#registerServer(Principal, ServerRegistration, String)}).
 *
 * @param id the host's stable id for the server ({@code A-Z a-z 0-9 _ - .}, 1–64)
 * @param name shown to users; not blank, at most 100 characters
 * @param description shown to users; may be empty, at most 2,000 characters
 * @param url the server's endpoint: https, or http on a loopback host
 * @param icon an optional icon: an https URL (http on loopback), or a base64 {@code data:} URI of a
 *     PNG, JPEG, GIF or WebP image of at most 64 KiB whose bytes match its type; or null
 * @param transport how to reach it
 * @param auth how calls authenticate
 * @param apiKeyHeader for {@link Auth#API_KEY}: the header the key goes in ({@code Authorization}
 *     sends {@code Bearer <key>}); default {@code X-API-Key}; null for OAuth
 * @param oauthClient for {@link Auth#OAUTH}: a custom, pre-registered OAuth client, or null to let
 *     mcp-auth identify the client itself (metadata document or dynamic registration)
 * @param trusted whether tool annotations may set default permissions (see
 *     {@link AgentConnector#annotationDefaults()})
 * @param payloadPolicy what the activity log and pending approvals keep of this server's tool
 *     inputs and results; null means {@link PayloadPolicy#FULL}
 */
public record ServerRegistration(
    String id,
    String name,
    String description,
    URI url,
    URI icon,
    Transport transport,
    Auth auth,
    String apiKeyHeader,
    OAuthClient oauthClient,
    boolean trusted,
    PayloadPolicy payloadPolicy) {

  /** How a server is reached. */
  public enum Transport {
    /** Streamable HTTP (the current MCP transport). */
    STREAMABLE_HTTP,
    /** The legacy HTTP+SSE transport of 2024-11-05. */
    SSE
  }

  /** How calls to a server authenticate. */
  public enum Auth {
    /** OAuth 2.1 through mcp-auth. */
    OAUTH,
    /** An API key sent in a header. */
    API_KEY
  }

  /**
   * A custom OAuth client for a server. The secret is not part of it: whether one was stored is.
   *
   * @param clientId the client id registered at the server's authorization server
   * @param scope the scope to ask for, or null for the server's default
   * @param redirectUrl the redirect URL registered for this client, or null for mcp-auth's default
   * @param hasClientSecret whether a client secret is kept in the encrypted store
   */
  public record OAuthClient(String clientId, String scope, URI redirectUrl, boolean hasClientSecret) {
    public OAuthClient {
      Checks.notBlank(clientId, "oauthClient.clientId");
      if (scope != null && scope.isBlank()) {
        scope = null;
      }
      if (redirectUrl != null) {
        Checks.httpUrl(redirectUrl, "oauthClient.redirectUrl");
      }
    }
  }

  public ServerRegistration {
    Checks.id(id, "id");
    Checks.notBlank(name, "name");
    Checks.maxLength(name, 100, "name");
    description = description == null ? "" : description;
    Checks.maxLength(description, 2000, "description");
    Checks.httpUrl(url, "url");
    IconCheck.check(icon);
    payloadPolicy = payloadPolicy == null ? PayloadPolicy.FULL : payloadPolicy;
    Objects.requireNonNull(transport, "transport: STREAMABLE_HTTP or SSE");
    Objects.requireNonNull(auth, "auth: OAUTH or API_KEY");
    if (auth == Auth.API_KEY) {
      if (oauthClient != null) {
        throw new IllegalArgumentException("server '" + id
            + "' authenticates with an API key, so it cannot have a custom OAuth client; "
            + "use auth OAUTH or drop the OAuth client");
      }
      apiKeyHeader = apiKeyHeader == null ? "X-API-Key" : apiKeyHeader;
      Checks.headerName(apiKeyHeader, "apiKeyHeader");
    } else if (apiKeyHeader != null) {
      throw new IllegalArgumentException("server '" + id
          + "' authenticates with OAuth, so it has no API key header; use auth API_KEY or drop it");
    }
  }

  /** A registration with the default payload policy ({@link PayloadPolicy#FULL}). */
  public ServerRegistration(String id, String name, String description, URI url, URI icon,
      Transport transport, Auth auth, String apiKeyHeader, OAuthClient oauthClient,
      boolean trusted) {
    this(id, name, description, url, icon, transport, auth, apiKeyHeader, oauthClient, trusted,
        PayloadPolicy.FULL);
  }

  /** Starts a registration with the server's id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** This registration with {@code oauthClient} marked as having (or not having) a stored secret. */
  public ServerRegistration withSecretStored(boolean stored) {
    if (oauthClient == null) {
      return this;
    }
    return new ServerRegistration(id, name, description, url, icon, transport, auth, apiKeyHeader,
        new OAuthClient(oauthClient.clientId(), oauthClient.scope(), oauthClient.redirectUrl(),
            stored), trusted, payloadPolicy);
  }

  /** Builds a {@link ServerRegistration}; defaults: Streamable HTTP, OAuth, not trusted. */
  public static final class Builder {
    private final String id;
    private String name;
    private String description = "";
    private URI url;
    private URI icon;
    private Transport transport = Transport.STREAMABLE_HTTP;
    private Auth auth = Auth.OAUTH;
    private String apiKeyHeader;
    private OAuthClient oauthClient;
    private boolean trusted;
    private PayloadPolicy payloadPolicy = PayloadPolicy.FULL;

    private Builder(String id) {
      this.id = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder url(URI url) {
      this.url = url;
      return this;
    }

    public Builder url(String url) {
      return url(URI.create(url));
    }

    public Builder icon(URI icon) {
      this.icon = icon;
      return this;
    }

    public Builder transport(Transport transport) {
      this.transport = transport;
      return this;
    }

    /** OAuth (the default). */
    public Builder oauth() {
      this.auth = Auth.OAUTH;
      return this;
    }

    /** A custom OAuth client; its secret is passed separately to the registration call. */
    public Builder oauthClient(String clientId, String scope, URI redirectUrl) {
      this.auth = Auth.OAUTH;
      this.oauthClient = new OAuthClient(clientId, scope, redirectUrl, false);
      return this;
    }

    /** An API key in {@code header} (null for {@code X-API-Key}). */
    public Builder apiKey(String header) {
      this.auth = Auth.API_KEY;
      this.apiKeyHeader = header;
      return this;
    }

    public Builder trusted(boolean trusted) {
      this.trusted = trusted;
      return this;
    }

    /** What the activity log and pending approvals keep of tool payloads; default FULL. */
    public Builder payloadPolicy(PayloadPolicy policy) {
      this.payloadPolicy = policy;
      return this;
    }

    public ServerRegistration build() {
      return new ServerRegistration(id, name, description, url, icon, transport, auth,
          apiKeyHeader, oauthClient, trusted, payloadPolicy);
    }
  }
}
