package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.Tokens;
import dev.mcpkit.auth.AuthorizationLink;
import dev.mcpkit.auth.AuthorizedConnection;
import dev.mcpkit.auth.McpAuthException;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.TokenSource;
import dev.mcpkit.auth.spi.PendingAuthorizationStore;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The OAuth client: begins and completes authorization code flows, obtains client credentials tokens,
 * renews and revokes tokens, and keeps them (encrypted) in the token store. Thread-safe; renewals of one
 * credential are serialized so that concurrent callers share one refresh.
 */
public final class OAuthEngine {
  /** Settings the engine needs from the builder. */
  public record Settings(
      Function<URI, OAuthServerCredentials> preRegistered,
      URI redirectUri,
      Duration pendingTtl,
      boolean offlineAccess,
      Duration refreshSkew,
      boolean dpop) {}

  /**
   * An access token ready to present: as {@code Bearer}, or as {@code DPoP} with proofs signed by
   * {@code dpopKey}.
   */
  public record Credential(String token, DPoPKey dpopKey, TokenSource source) {
    @Override
    public String toString() {
      return "Credential[" + (dpopKey == null ? "Bearer" : "DPoP") + "]";
    }
  }

  private final Discovery discovery;
  private final ClientRegistrar registrar;
  private final TokenEndpoint tokens;
  private final AssertionGrants assertions;
  private final Vault vault;
  private final PendingAuthorizationStore pending;
  private final Clock clock;
  private final Settings settings;
  private final ReentrantLock[] stripes = new ReentrantLock[64];

  public OAuthEngine(
      Discovery discovery, ClientRegistrar registrar, TokenEndpoint tokens, Vault vault,
      PendingAuthorizationStore pending, Clock clock, Settings settings) {
    this.discovery = discovery;
    this.registrar = registrar;
    this.tokens = tokens;
    this.assertions = new AssertionGrants(tokens);
    this.vault = vault;
    this.pending = pending;
    this.clock = clock;
    this.settings = settings;
    for (int i = 0; i < stripes.length; i++) {
      stripes[i] = new ReentrantLock();
    }
  }

  public OAuthServerCredentials preRegistered(URI server) {
    return settings.preRegistered().apply(Uris.canonical(server));
  }

  // ---- authorization code flow ------------------------------------------------------------------

  public AuthorizationLink begin(
      TokenOwner owner, URI server, BearerChallenge challenge, Set<String> keepScopes)
      throws IOException {
    URI canonical = Uris.canonical(server);
    AuthTarget target = discovery.discover(canonical, challenge);
    Discovery.requirePkce(target);
    OAuthServerCredentials creds = preRegistered(canonical);
    URI redirect = creds != null && creds.redirectUri() != null
        ? creds.redirectUri() : settings.redirectUri();
    if (redirect == null) {
      throw new McpAuthException("no redirect URI: set McpOAuth.Builder.redirectUri(...) or one in"
          + " the pre-registered credentials for " + canonical);
    }
    boolean offline = offlineAccessAvailable(target);
    ClientRegistration client = registrar.identify(target, creds, redirect, offline);
    Set<String> scopes = selectScopes(target, challenge, creds, keepScopes, offline);
    CodeVerifier verifier = new CodeVerifier();
    State state = new State();
    AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(
            ResponseType.CODE, new ClientID(client.clientId()))
        .endpointURI(target.metadata().getAuthorizationEndpointURI())
        .redirectionURI(redirect)
        .state(state)
        .codeChallenge(verifier, CodeChallengeMethod.S256)
        .resources(target.resource());
    if (!scopes.isEmpty()) {
      request.scope(new Scope(scopes.toArray(String[]::new)));
    }
    Instant expiresAt = clock.instant().plus(settings.pendingTtl());
    PendingRecord record = new PendingRecord(owner.kind().name(), owner.id(), canonical.toString(),
        target.resource().toString(), target.issuer(), target.issParameterSupported(),
        verifier.getValue(), redirect.toString(), String.join(" ", scopes), client.clientId(),
        client.clientSecret(), client.authMethod(),
        target.metadata().getTokenEndpointURI().toString(),
        uriOrNull(target.metadata().getRevocationEndpointURI()), expiresAt.getEpochSecond(),
        dpopSupported(target));
    String handle = handle(state.getValue());
    byte[] sealed = vault.seal(McpJson.mapper().writeValueAsBytes(record),
        handle.getBytes(StandardCharsets.UTF_8));
    pending.put(handle, sealed, expiresAt);
    return new AuthorizationLink(owner, canonical, request.build().toURI(), scopes, expiresAt);
  }

  public AuthorizedConnection complete(TokenOwner owner, URI callback) throws IOException {
    AuthorizationResponse response;
    try {
      response = AuthorizationResponse.parse(callback);
    } catch (ParseException e) {
      throw new McpAuthException("the callback is not an authorization response: "
          + e.getMessage());
    }
    State state = response.getState();
    if (state == null) {
      throw new McpAuthException("the callback carries no state parameter; refusing it");
    }
    String handle = handle(state.getValue());
    byte[] sealed = pending.take(handle);
    if (sealed == null) {
      throw new McpAuthException("the callback's state matches no pending authorization (forged,"
          + " expired or already used); start the authorization again");
    }
    PendingRecord record;
    try {
      record = McpJson.mapper().readValue(
          vault.open(sealed, handle.getBytes(StandardCharsets.UTF_8)), PendingRecord.class);
    } catch (IOException e) {
      // a cipher's message is secret-free by contract; a parser's might quote the plaintext
      String why = e instanceof McpAuthException ? e.getMessage() : "not a pending authorization";
      throw new McpAuthException("the pending authorization for this callback could not be read ("
          + why + "); it was discarded and the code was not redeemed: start the authorization"
          + " again");
    }
    if (!record.ownerKind().equals(owner.kind().name()) || !record.ownerId().equals(owner.id())) {
      throw new McpAuthException("this authorization was begun for another owner than " + owner
          + "; refusing it");
    }
    if (clock.instant().getEpochSecond() >= record.expiresAt()) {
      throw new McpAuthException("the authorization expired before its callback arrived; start"
          + " again");
    }
    Issuer iss = response.getIssuer();
    if (iss != null && !iss.getValue().equals(record.issuer())) {
      throw new McpAuthException("the authorization response comes from issuer '" + iss.getValue()
          + "' but the authorization was sent to '" + record.issuer()
          + "' (RFC 9207); the code was not redeemed");
    }
    if (iss == null && record.issParameterSupported()) {
      throw new McpAuthException("authorization server " + record.issuer() + " advertises the iss"
          + " response parameter but the callback lacks it (RFC 9207); the code was not redeemed");
    }
    if (!response.indicatesSuccess()) {
      throw new McpAuthException("the authorization server did not authorize: "
          + Errors.describe(response.toErrorResponse().getErrorObject()));
    }
    AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
    if (code == null) {
      throw new McpAuthException("the authorization response carries no code");
    }
    AuthorizationGrant grant = new AuthorizationCodeGrant(
        code, URI.create(record.redirectUri()), new CodeVerifier(record.codeVerifier()));
    TokenEndpoint.Client client = new TokenEndpoint.Client(record.clientId(),
        record.clientSecret(), record.authMethod(), record.issuer(),
        preRegistered(URI.create(record.server())));
    URI server = URI.create(record.server());
    Tokens issued;
    DPoPKey key = record.dpop() ? DPoPKey.generate() : null;
    try {
      issued = tokens.request(URI.create(record.tokenEndpoint()), client, grant, null,
          URI.create(record.resource()), key);
    } catch (TokenEndpoint.RefusedException e) {
      if (e.invalidClient()) {
        registrar.forget(record.issuer(), URI.create(record.redirectUri()));
      }
      throw e;
    }
    TokenRecord stored = toRecord(issued, null, record.scope(), record.issuer(),
        record.resource(), TokenRecord.AUTHORIZATION_CODE, client, record.tokenEndpoint(),
        record.revocationEndpoint(), key);
    store(owner, server, stored);
    return connection(owner, server, stored);
  }

  // ---- grants without a browser: client credentials, workload identity, enterprise ------------

  /**
   * Obtains a token without the user's browser, as the pre-registered credentials for {@code server}
   * say: client credentials, workload identity (JWT bearer) or enterprise-managed authorization
   * (ID-JAG). Null when enterprise-managed authorization has no identity assertion for the owner.
   */
  public AuthorizedConnection withoutBrowser(
      TokenOwner owner, URI server, BearerChallenge challenge) throws IOException {
    return withoutBrowser(owner, server, challenge, preRegistered(Uris.canonical(server)));
  }

  /** {@link #withoutBrowser(TokenOwner, URI, BearerChallenge)} with these credentials. */
  public AuthorizedConnection withoutBrowser(
      TokenOwner owner, URI server, BearerChallenge challenge, OAuthServerCredentials creds)
      throws IOException {
    URI canonical = Uris.canonical(server);
    if (creds == null || (!creds.machineGrant() && creds.enterprise() == null)) {
      throw new McpAuthException("no client credentials, workload identity or enterprise"
          + " authorization is configured for " + canonical + ": add OAuthServerCredentials with"
          + " clientCredentialsGrant(), workloadIdentity(...) or enterpriseManaged(...)");
    }
    AuthTarget target = discovery.discover(canonical, challenge);
    ClientRegistration registration = registrar.identify(target, creds, null, false);
    TokenEndpoint.Client client = new TokenEndpoint.Client(creds.clientId(), creds.clientSecret(),
        registration.authMethod(), target.issuer(), creds);
    Set<String> scopes = selectScopes(target, challenge, creds, Set.of(), false);
    Scope scope = scopes.isEmpty() ? null : new Scope(scopes.toArray(String[]::new));
    String grantName = grantName(creds);
    if (TokenRecord.ENTERPRISE.equals(grantName) && !acceptsJwtBearer(target)) {
      return null; // this authorization server does not take ID-JAGs: the user authorizes instead
    }
    AuthorizationGrant grant = grant(grantName, creds, owner, target.issuer(), target.resource(),
        scope);
    if (grant == null) {
      return null;
    }
    URI endpoint = target.metadata().getTokenEndpointURI();
    DPoPKey key = dpopSupported(target) ? DPoPKey.generate() : null;
    Tokens issued = tokens.request(endpoint, client, grant, scope, target.resource(), key);
    TokenRecord stored = toRecord(issued, null, String.join(" ", scopes), target.issuer(),
        target.resource().toString(), grantName, client, endpoint.toString(),
        uriOrNull(target.metadata().getRevocationEndpointURI()), key);
    store(owner, canonical, stored);
    return connection(owner, canonical, stored);
  }

  private static String grantName(OAuthServerCredentials creds) {
    return creds.clientCredentialsGrant() ? TokenRecord.CLIENT_CREDENTIALS
        : creds.workloadIdentity() != null ? TokenRecord.WORKLOAD_IDENTITY : TokenRecord.ENTERPRISE;
  }

  private AuthorizationGrant grant(
      String grantName, OAuthServerCredentials creds, TokenOwner owner, String issuer, URI resource,
      Scope scope) throws IOException {
    switch (grantName) {
      case TokenRecord.CLIENT_CREDENTIALS:
        return new ClientCredentialsGrant();
      case TokenRecord.WORKLOAD_IDENTITY:
        return AssertionGrants.workload(creds);
      case TokenRecord.ENTERPRISE:
        return assertions.enterprise(creds, owner, issuer, resource, scope);
      default:
        throw new McpAuthException("credential obtained with " + grantName
            + " cannot be renewed without the user");
    }
  }

  /**
   * Whether the authorization server may take the JWT bearer grant: it lists it, or lists no grant
   * types at all (many servers leave {@code grant_types_supported} out). A list without it means no.
   */
  private static boolean acceptsJwtBearer(AuthTarget target) {
    var grants = target.metadata().getGrantTypes();
    return grants == null || grants.contains(com.nimbusds.oauth2.sdk.GrantType.JWT_BEARER);
  }

  private boolean dpopSupported(AuthTarget target) {
    return settings.dpop() && DPoPKey.supportedBy(target.metadata());
  }

  // ---- using and renewing tokens ----------------------------------------------------------------

  /** A usable access token for {@code owner} at {@code server}, renewed first if about to expire. */
  public Credential accessToken(TokenOwner owner, URI server) throws IOException {
    URI canonical = Uris.canonical(server);
    Stored current = find(owner, canonical);
    if (current == null) {
      return null;
    }
    TokenRecord record = current.record();
    if (record.expiresWithin(clock.instant(), settings.refreshSkew().toSeconds())
        && record.renewable()) {
      try {
        return renewIfCurrent(owner, canonical, record.accessToken());
      } catch (TokenEndpoint.RefusedException e) {
        throw e;
      } catch (IOException e) {
        if (!record.expiresWithin(clock.instant(), 0)) {
          return credential(record); // still valid: use it and try again next time
        }
        throw e;
      }
    }
    if (record.expiresWithin(clock.instant(), 0)) {
      return null;
    }
    return credential(record);
  }

  private static Credential credential(TokenRecord record) throws McpAuthException {
    return new Credential(record.accessToken(), DPoPKey.fromJson(record.dpopKey()),
        source(record.grant()));
  }

  /** The stored access token as it is, without renewing it; null if none or expired. */
  public Credential storedAccessToken(TokenOwner owner, URI server) throws IOException {
    Stored current = find(owner, Uris.canonical(server));
    if (current == null || current.record().expiresWithin(clock.instant(), 0)) {
      return null;
    }
    return credential(current.record());
  }

  /**
   * Renews the credential after the server rejected {@code rejected}: if another caller already
   * replaced it, returns the replacement without a request; otherwise refreshes (or repeats the client
   * credentials grant). Null when the credential cannot be renewed without the user.
   */
  public Credential renewIfCurrent(TokenOwner owner, URI server, String rejected)
      throws IOException {
    URI canonical = Uris.canonical(server);
    ReentrantLock lock = stripe(owner, canonical);
    lock.lock();
    try {
      return vault.exclusively(owner, canonical.toString(),
          () -> renewUnderLock(owner, canonical, rejected));
    } finally {
      lock.unlock();
    }
  }

  private Credential renewUnderLock(TokenOwner owner, URI canonical, String rejected)
      throws IOException {
    Stored current = find(owner, canonical);
    if (current == null) {
      return null;
    }
    TokenRecord record = current.record();
    if (rejected != null && !constantTimeEquals(record.accessToken(), rejected)) {
      return credential(record);
    }
    if (!record.renewable()) {
      return null;
    }
    OAuthServerCredentials creds = preRegistered(canonical);
    TokenEndpoint.Client client = new TokenEndpoint.Client(record.clientId(),
        record.clientSecret(), record.authMethod(), record.issuer(), creds);
    Scope scope = record.refreshToken() == null && !record.scope().isBlank()
        ? Scope.parse(record.scope()) : null;
    AuthorizationGrant grant;
    if (record.refreshToken() != null) {
      grant = new RefreshTokenGrant(TokenEndpoint.refreshToken(record.refreshToken()));
    } else if (creds == null && !TokenRecord.CLIENT_CREDENTIALS.equals(record.grant())) {
      return null; // the assertion's source is no longer configured
    } else {
      grant = grant(record.grant(), creds, owner, record.issuer(),
          URI.create(record.resource()), scope);
      if (grant == null) {
        return null; // the identity provider no longer vouches for the owner
      }
    }
    DPoPKey key = DPoPKey.fromJson(record.dpopKey());
    Tokens issued;
    try {
      issued = tokens.request(URI.create(record.tokenEndpoint()), client, grant, scope,
          URI.create(record.resource()), key);
    } catch (TokenEndpoint.RefusedException e) {
      if (e.invalidGrant()) {
        vault.remove(current.key()); // the grant is dead: the user has to authorize again
        return null;
      }
      throw e;
    }
    TokenRecord renewed = toRecord(issued, record.refreshToken(), record.scope(),
        record.issuer(), record.resource(), record.grant(), client, record.tokenEndpoint(),
        record.revocationEndpoint(), key);
    vault.write(current.key(), renewed);
    return credential(renewed);
  }

  /** The scopes of the stored credential, empty if none. */
  public Set<String> grantedScopes(TokenOwner owner, URI server) throws IOException {
    Stored current = find(owner, Uris.canonical(server));
    if (current == null) {
      return Set.of();
    }
    return new LinkedHashSet<>(scopeList(current.record().scope()));
  }

  public AuthorizedConnection connection(TokenOwner owner, URI server) throws IOException {
    URI canonical = Uris.canonical(server);
    Stored current = find(owner, canonical);
    return current == null ? null : connection(owner, canonical, current.record());
  }

  /** Revokes (best effort) and deletes every credential of {@code owner} for {@code server}. */
  public boolean disconnect(TokenOwner owner, URI server) throws IOException {
    URI canonical = Uris.canonical(server);
    boolean revoked = false;
    for (TokenKey key : vault.keys(owner)) {
      if (!key.resource().equals(canonical.toString())) {
        continue;
      }
      TokenRecord record = null;
      try {
        record = vault.read(key, TokenRecord.class);
      } catch (McpAuthException undecryptable) {
        // nothing to revoke with; the entry is removed below
      }
      if (record != null && record.revocationEndpoint() != null) {
        TokenEndpoint.Client client = new TokenEndpoint.Client(record.clientId(),
            record.clientSecret(), record.authMethod(), record.issuer(), preRegistered(canonical));
        URI endpoint = URI.create(record.revocationEndpoint());
        try {
          if (record.refreshToken() != null) {
            revoked |= tokens.revoke(endpoint, client,
                TokenEndpoint.refreshToken(record.refreshToken()));
          }
          revoked |= tokens.revoke(endpoint, client,
              TokenEndpoint.accessToken(record.accessToken()));
        } catch (IOException e) {
          // revocation is best effort; the local copy is deleted regardless
        }
      }
      vault.remove(key);
    }
    return revoked;
  }

  // ---- helpers ------------------------------------------------------------------------------------

  private record Stored(TokenKey key, TokenRecord record) {}

  private Stored find(TokenOwner owner, URI server) throws IOException {
    Stored best = null;
    for (TokenKey key : vault.keys(owner)) {
      if (!key.resource().equals(server.toString())) {
        continue;
      }
      TokenRecord record = vault.read(key, TokenRecord.class);
      if (record != null && (best == null || record.obtainedAt() > best.record().obtainedAt())) {
        best = new Stored(key, record);
      }
    }
    return best;
  }

  private void store(TokenOwner owner, URI server, TokenRecord record) throws IOException {
    TokenKey key = new TokenKey(owner, record.issuer(), server.toString());
    vault.write(key, record);
    for (TokenKey other : vault.keys(owner)) {
      if (other.resource().equals(server.toString()) && !other.equals(key)) {
        vault.remove(other); // a credential from an authorization server the server left
      }
    }
  }

  private TokenRecord toRecord(
      Tokens issued, String previousRefresh, String requestedScope, String issuer,
      String resource, String grant, TokenEndpoint.Client client, String tokenEndpoint,
      String revocationEndpoint, DPoPKey key) {
    AccessToken access = issued.getAccessToken();
    long now = clock.instant().getEpochSecond();
    Long expiresAt = access.getLifetime() > 0 ? now + access.getLifetime() : null;
    String scope = access.getScope() != null ? access.getScope().toString() : requestedScope;
    String refresh = issued.getRefreshToken() != null
        ? issued.getRefreshToken().getValue() : previousRefresh;
    // a server that ignored the proof issued a bearer token: present it as one
    boolean bound = key != null && AccessTokenType.DPOP.equals(access.getType());
    return new TokenRecord(access.getValue(), access.getType().getValue(), refresh, expiresAt,
        scope == null ? "" : scope, issuer, resource, grant, client.clientId(),
        client.clientSecret(), client.authMethod(), tokenEndpoint, revocationEndpoint, now,
        bound ? key.toJson() : null);
  }

  private AuthorizedConnection connection(TokenOwner owner, URI server, TokenRecord record) {
    Set<String> scopes = new LinkedHashSet<>(scopeList(record.scope()));
    return new AuthorizedConnection(owner, server, record.issuer(), scopes,
        record.expiresAt() == null ? null : Instant.ofEpochSecond(record.expiresAt()),
        record.renewable(), source(record.grant()), record.dpopKey() != null);
  }

  private static TokenSource source(String grant) {
    switch (grant) {
      case TokenRecord.ENTERPRISE:
        return TokenSource.ENTERPRISE;
      case TokenRecord.CLIENT_CREDENTIALS:
        return TokenSource.CLIENT_CREDENTIALS;
      case TokenRecord.WORKLOAD_IDENTITY:
        return TokenSource.WORKLOAD_IDENTITY;
      default:
        return TokenSource.USER_AUTHORIZATION;
    }
  }

  private boolean offlineAccessAvailable(AuthTarget target) {
    List<String> supported = target.authorizationServerScopes();
    return settings.offlineAccess() && supported != null && supported.contains("offline_access");
  }

  private static Set<String> selectScopes(
      AuthTarget target, BearerChallenge challenge, OAuthServerCredentials creds,
      Set<String> keep, boolean offline) {
    Set<String> scopes = new LinkedHashSet<>();
    boolean challenged = challenge.scope() != null && !challenge.scope().isEmpty();
    if (creds != null && creds.scope() != null && !creds.scope().isBlank()) {
      scopes.addAll(scopeList(creds.scope()));
      if (challenged && challenge.insufficientScope()) {
        // step-up: the configured scopes alone were just refused, so add what the server asks for
        scopes.addAll(challenge.scope().toStringList());
      }
    } else if (challenged) {
      scopes.addAll(challenge.scope().toStringList());
    } else if (target.resourceScopes() != null) {
      scopes.addAll(target.resourceScopes());
    }
    scopes.addAll(keep);
    if (offline) {
      scopes.add("offline_access");
    }
    return scopes;
  }

  /** The scope tokens of a space-separated scope string (RFC 6749 section 3.3), parsed by Nimbus. */
  private static List<String> scopeList(String scope) {
    Scope parsed = scope == null ? null : Scope.parse(scope);
    return parsed == null ? List.of() : parsed.toStringList();
  }

  private ReentrantLock stripe(TokenOwner owner, URI server) {
    int hash = (owner.toString() + "\n" + server).hashCode();
    return stripes[Math.floorMod(hash, stripes.length)];
  }

  private static String handle(String state) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(state.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8),
        b.getBytes(StandardCharsets.UTF_8));
  }

  private static String uriOrNull(URI uri) {
    return uri == null ? null : uri.toString();
  }
}
