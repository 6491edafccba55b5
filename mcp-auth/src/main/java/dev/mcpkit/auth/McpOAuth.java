package dev.mcpkit.auth;

import dev.mcpkit.auth.internal.BearerChallenge;
import dev.mcpkit.auth.internal.ClientRegistrar;
import dev.mcpkit.auth.internal.Discovery;
import dev.mcpkit.auth.internal.OAuthEngine;
import dev.mcpkit.auth.internal.OkHttpSender;
import dev.mcpkit.auth.internal.TokenEndpoint;
import dev.mcpkit.auth.internal.Uris;
import dev.mcpkit.auth.internal.Vault;
import dev.mcpkit.auth.spi.InMemoryPendingAuthorizationStore;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.PendingAuthorizationStore;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.spi.TokenStore;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * The OAuth 2.1 client for MCP servers, on behalf of users ({@link TokenOwner#user}) or shared service
 * accounts ({@link TokenOwner#shared}). It discovers the authorization server as the MCP authorization
 * specification orders it, identifies the client (pre-registered credentials, a client ID metadata
 * document, or dynamic registration), runs the authorization code flow with PKCE S256 and the RFC 8707
 * {@code resource} parameter in two halves a web host can drive ({@link #begin} returns the link,
 * {@link #complete} takes the callback), or obtains tokens without a browser (client credentials and
 * workload identity for service accounts, enterprise-managed authorization for users the enterprise
 * identity provider vouches for), optionally bound to a key with DPoP, and keeps the tokens encrypted
 * in a {@link TokenStore}.
 *
 * <p>Plug it into an MCP client with {@link #interceptor(TokenOwner, URI)}. Instances are immutable and
 * thread-safe; every method blocks on network I/O (use virtual threads or a pool).
 */
public final class McpOAuth {
  private final OAuthEngine engine;
  private final AuthorizationHandler handler;
  private final int maxStepUps;

  private McpOAuth(Builder b) {
    OkHttpClient http = b.http != null ? b.http : new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .callTimeout(Duration.ofSeconds(60))
        .build();
    OkHttpSender sender = new OkHttpSender(http);
    Vault vault = new Vault(b.tokenStore, Objects.requireNonNull(b.cipher,
        "cipher: McpOAuth encrypts tokens at rest, set cipher(SecretCipher.aesGcm(keySource))"));
    Map<URI, OAuthServerCredentials> fixed = Map.copyOf(b.preRegistered);
    Function<URI, OAuthServerCredentials> lookup = b.credentialsLookup;
    Function<URI, OAuthServerCredentials> preRegistered = server -> {
      OAuthServerCredentials found = fixed.get(server);
      return found != null || lookup == null ? found : lookup.apply(server);
    };
    this.engine = new OAuthEngine(
        new Discovery(sender, b.clock, b.legacyDiscovery),
        new ClientRegistrar(sender, vault, b.clientMetadataDocument, b.clientName,
            b.applicationType),
        new TokenEndpoint(sender),
        vault,
        b.pendingStore,
        b.clock,
        new OAuthEngine.Settings(preRegistered, b.redirectUri, b.pendingTtl, b.offlineAccess,
            b.refreshSkew, b.dpop));
    this.handler = b.handler;
    this.maxStepUps = b.maxStepUps;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Begins an authorization for {@code owner} at {@code server}: discovers the authorization server,
   * identifies the client, files a pending authorization and returns the URL to send the user to.
   */
  public AuthorizationLink begin(TokenOwner owner, URI server) throws IOException {
    return engine.begin(owner, server, BearerChallenge.NONE, Set.of());
  }

  /**
   * Completes an authorization with the URL the authorization server redirected the user's browser to.
   * Checks that the {@code state} matches a pending authorization begun for {@code owner} and not
   * expired, validates {@code iss} (RFC 9207) before redeeming the code, then stores the tokens.
   */
  public AuthorizedConnection complete(TokenOwner owner, URI callbackUrl) throws IOException {
    return engine.complete(owner, callbackUrl);
  }

  /**
   * Obtains a token for a service account with the client credentials grant, using the pre-registered
   * credentials configured for {@code server} (which must have
   * {@link OAuthServerCredentials.Builder#clientCredentialsGrant()}).
   */
  public AuthorizedConnection connectWithClientCredentials(TokenOwner owner, URI server)
      throws IOException {
    return engine.withoutBrowser(owner, server, BearerChallenge.NONE);
  }

  /**
   * Obtains a token for {@code owner} with the client credentials grant (or workload identity) of
   * {@code credentials}, which need not be the ones configured for {@code server}: a shared connection
   * can be a service account while users of the same server authorize as themselves. Renewals repeat
   * the grant with the client id and secret stored with the token.
   */
  public AuthorizedConnection connectWithClientCredentials(
      TokenOwner owner, URI server, OAuthServerCredentials credentials) throws IOException {
    if (!credentials.machineGrant()) {
      throw new IllegalArgumentException("credentials for " + server + " must have"
          + " clientCredentialsGrant() or workloadIdentity(...)");
    }
    return engine.withoutBrowser(owner, server, BearerChallenge.NONE, credentials);
  }

  /**
   * Obtains a token without the user's browser as the pre-registered credentials for {@code server}
   * say: client credentials, workload identity ({@link OAuthServerCredentials.Builder#workloadIdentity})
   * or enterprise-managed authorization ({@link OAuthServerCredentials.Builder#enterpriseManaged}).
   *
   * @return the connection, or null when the enterprise identity provider has no assertion for
   *     {@code owner} (who must then authorize in the browser)
   */
  public AuthorizedConnection connectWithoutBrowser(TokenOwner owner, URI server)
      throws IOException {
    return engine.withoutBrowser(owner, server, BearerChallenge.NONE);
  }

  /**
   * A valid access token for {@code owner} at {@code server}, refreshed first when it is about to expire.
   *
   * @throws AuthorizationRequiredException when there is none and the user has to authorize
   */
  public String accessToken(TokenOwner owner, URI server) throws IOException {
    OAuthEngine.Credential credential = engine.accessToken(owner, server);
    if (credential == null) {
      credential = authorize(owner, server, BearerChallenge.NONE, Set.of());
    }
    return credential.token();
  }

  /** The stored credential's public facts, or null when {@code owner} is not connected. */
  public AuthorizedConnection connection(TokenOwner owner, URI server) throws IOException {
    return engine.connection(owner, server);
  }

  /**
   * Disconnects: revokes the tokens at the authorization server (RFC 7009, best effort) and deletes them.
   *
   * @return true if the authorization server confirmed a revocation
   */
  public boolean disconnect(TokenOwner owner, URI server) throws IOException {
    return engine.disconnect(owner, server);
  }

  /** An OkHttp interceptor that authorizes every request to {@code server} as {@code owner}. */
  public OAuthInterceptor interceptor(TokenOwner owner, URI server) {
    return new OAuthInterceptor(this, owner, Uris.canonical(server), maxStepUps);
  }

  // ---- used by OAuthInterceptor -----------------------------------------------------------------

  OAuthEngine.Credential currentToken(TokenOwner owner, URI server) throws IOException {
    return engine.accessToken(owner, server);
  }

  OAuthEngine.Credential renew(TokenOwner owner, URI server, String rejected) throws IOException {
    return engine.renewIfCurrent(owner, server, rejected);
  }

  Set<String> grantedScopes(TokenOwner owner, URI server) throws IOException {
    return engine.grantedScopes(owner, server);
  }

  OAuthEngine.Credential authorize(
      TokenOwner owner, URI server, BearerChallenge challenge, Set<String> keep) throws IOException {
    OAuthServerCredentials creds = engine.preRegistered(server);
    if (creds != null && (creds.machineGrant() || creds.enterprise() != null)) {
      AuthorizedConnection connected = engine.withoutBrowser(owner, server, challenge);
      if (connected != null || creds.machineGrant()) {
        return engine.storedAccessToken(owner, server);
      }
      // the enterprise identity provider has no assertion for this owner: ask the user instead
    }
    AuthorizationLink link = engine.begin(owner, server, challenge, keep);
    URI callback = handler.authorize(owner, link.server(), link.authorizationUrl());
    if (callback == null) {
      throw new AuthorizationRequiredException(link);
    }
    engine.complete(owner, callback);
    OAuthEngine.Credential token = engine.storedAccessToken(owner, server);
    if (token == null) {
      throw new McpAuthException("the authorization completed but issued an already expired token");
    }
    return token;
  }

  /** Builds {@link McpOAuth}. Only {@link #cipher} is required. */
  public static final class Builder {
    private TokenStore tokenStore = new InMemoryTokenStore();
    private SecretCipher cipher;
    private PendingAuthorizationStore pendingStore;
    private OkHttpClient http;
    private Clock clock = Clock.systemUTC();
    private URI redirectUri;
    private URI clientMetadataDocument;
    private String clientName = "mcpkit";
    private String applicationType = "native";
    private final Map<URI, OAuthServerCredentials> preRegistered = new LinkedHashMap<>();
    private Function<URI, OAuthServerCredentials> credentialsLookup;
    private AuthorizationHandler handler = AuthorizationHandler.DEFER;
    private Duration pendingTtl = Duration.ofMinutes(10);
    private Duration refreshSkew = Duration.ofSeconds(60);
    private boolean offlineAccess = true;
    private boolean legacyDiscovery = true;
    private int maxStepUps = 2;
    private boolean dpop;

    private Builder() {}

    /** Where tokens are kept (encrypted); default in memory. */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** Encrypts everything before it reaches a store; required. */
    public Builder cipher(SecretCipher cipher) {
      this.cipher = Objects.requireNonNull(cipher, "cipher");
      return this;
    }

    /** Where begun authorizations wait for their callback; default in memory. */
    public Builder pendingStore(PendingAuthorizationStore pendingStore) {
      this.pendingStore = Objects.requireNonNull(pendingStore, "pendingStore");
      return this;
    }

    /** The HTTP client for OAuth requests; its timeouts apply. Default: 10 s connect, 30 s read. */
    public Builder httpClient(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The redirect URI (the host's callback endpoint) for clients without their own. */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
      return this;
    }

    /**
     * The HTTPS URL of this client's metadata document, used as its client id at authorization servers
     * that advertise {@code client_id_metadata_document_supported}. The host serves the document.
     */
    public Builder clientMetadataDocument(URI url) {
      this.clientMetadataDocument = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The {@code client_name} sent in dynamic registration. */
    public Builder clientName(String clientName) {
      this.clientName = Objects.requireNonNull(clientName, "clientName");
      return this;
    }

    /** The OIDC {@code application_type} for dynamic registration: "native" (default) or "web". */
    public Builder applicationType(String applicationType) {
      if (!applicationType.equals("native") && !applicationType.equals("web")) {
        throw new IllegalArgumentException("application_type is 'native' or 'web', got "
            + applicationType);
      }
      this.applicationType = applicationType;
      return this;
    }

    /** Pre-registered credentials for the MCP server at {@code server}. */
    public Builder preRegistered(URI server, OAuthServerCredentials credentials) {
      preRegistered.put(Uris.canonical(server), Objects.requireNonNull(credentials, "credentials"));
      return this;
    }

    /**
     * Looks up pre-registered credentials by MCP server (canonical URI) when none were added with
     * {@link #preRegistered}; returns null for none. Called on every authorization.
     */
    public Builder credentialsLookup(Function<URI, OAuthServerCredentials> lookup) {
      this.credentialsLookup = Objects.requireNonNull(lookup, "lookup");
      return this;
    }

    /** What the interceptor does when the user must authorize; default {@link AuthorizationHandler#DEFER}. */
    public Builder authorizationHandler(AuthorizationHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** How long a begun authorization waits for its callback; default 10 minutes. */
    public Builder pendingAuthorizationTtl(Duration ttl) {
      this.pendingTtl = requirePositive(ttl, "ttl");
      return this;
    }

    /** How long before expiry a token is refreshed; default 60 seconds. */
    public Builder refreshBeforeExpiry(Duration skew) {
      this.refreshSkew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /**
     * Whether to ask for {@code offline_access} (and register for refresh tokens) when the authorization
     * server lists that scope; default true.
     */
    public Builder offlineAccess(boolean offlineAccess) {
      this.offlineAccess = offlineAccess;
      return this;
    }

    /** Whether servers without protected resource metadata are handled per 2025-03-26; default true. */
    public Builder legacyDiscovery(boolean legacyDiscovery) {
      this.legacyDiscovery = legacyDiscovery;
      return this;
    }

    /** How many step-up authorizations one request may trigger on 403 insufficient_scope; default 2. */
    public Builder maxStepUps(int maxStepUps) {
      if (maxStepUps < 0) {
        throw new IllegalArgumentException("maxStepUps must be >= 0, got " + maxStepUps);
      }
      this.maxStepUps = maxStepUps;
      return this;
    }

    /**
     * Whether to bind tokens to a key with DPoP (RFC 9449) at authorization servers that advertise
     * ES256 in {@code dpop_signing_alg_values_supported}; default false. Each credential gets its own
     * EC P-256 key, stored encrypted with its tokens; every token request and every request to the MCP
     * server carries a fresh proof, and server-supplied nonces are honoured.
     */
    public Builder dpop(boolean dpop) {
      this.dpop = dpop;
      return this;
    }

    public McpOAuth build() {
      if (pendingStore == null) {
        pendingStore = new InMemoryPendingAuthorizationStore(clock);
      }
      return new McpOAuth(this);
    }

    private static Duration requirePositive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
