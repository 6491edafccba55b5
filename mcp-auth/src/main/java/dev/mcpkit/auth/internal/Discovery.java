package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.mcpkit.auth.McpAuthException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.minidev.json.JSONObject;

/**
 * Finds the authorization server of an MCP server in the order the MCP authorization specification
 * gives: the challenge's {@code resource_metadata}, else the RFC 9728 well-known URLs at the endpoint's
 * path and at the root; then the authorization server metadata at the RFC 8414 and OpenID Connect
 * discovery URLs in priority order. Metadata whose issuer differs from the issuer asked for is refused;
 * {@link #requirePkce} refuses one without PKCE {@code S256} before an authorization code flow. Servers
 * without protected resource metadata fall back to
 * the 2025-03-26 rules (metadata, then default endpoints, at the server's origin) when enabled.
 */
public final class Discovery {
  private static final Duration METADATA_TTL = Duration.ofMinutes(5);

  private record Cached(AuthorizationServerMetadata metadata, Instant fetchedAt) {}

  private final OkHttpSender sender;
  private final Clock clock;
  private final boolean legacyFallback;
  private final Map<String, Cached> metadataCache = new ConcurrentHashMap<>();

  public Discovery(OkHttpSender sender, Clock clock, boolean legacyFallback) {
    this.sender = sender;
    this.clock = clock;
    this.legacyFallback = legacyFallback;
  }

  public AuthTarget discover(URI server, BearerChallenge challenge) throws IOException {
    URI canonical = Uris.canonical(server);
    List<String> tried = new ArrayList<>();
    JSONObject prm = null;
    URI prmUrl = null;
    for (URI candidate : resourceMetadataUrls(canonical, challenge)) {
      JSONObject doc = fetchJson(candidate, tried);
      if (doc != null) {
        prm = doc;
        prmUrl = candidate;
        break;
      }
    }
    if (prm == null) {
      if (!legacyFallback) {
        throw new McpAuthException("no protected resource metadata for " + canonical + " (tried "
            + String.join(", ", tried) + "); the server must publish RFC 9728 metadata");
      }
      return legacyTarget(canonical);
    }
    URI resource;
    List<String> servers;
    List<String> scopes;
    try {
      String resourceValue = JSONObjectUtils.getString(prm, "resource", null);
      resource = resourceValue == null ? canonical : URI.create(resourceValue);
      servers = JSONObjectUtils.getStringList(prm, "authorization_servers", List.of());
      scopes = prm.containsKey("scopes_supported")
          ? JSONObjectUtils.getStringList(prm, "scopes_supported") : null;
    } catch (ParseException | IllegalArgumentException e) {
      throw new McpAuthException("protected resource metadata at " + prmUrl + " is malformed: "
          + e.getMessage());
    }
    if (!Uris.resourceCovers(resource, canonical)) {
      throw new McpAuthException("protected resource metadata at " + prmUrl + " names resource "
          + resource + ", which does not match the MCP server " + canonical
          + "; refusing to request tokens for another resource");
    }
    if (servers.isEmpty()) {
      throw new McpAuthException("protected resource metadata at " + prmUrl
          + " lists no authorization_servers");
    }
    AuthorizationServerMetadata metadata = authorizationServer(servers.get(0));
    return new AuthTarget(canonical, resource, metadata, scopes, false);
  }

  /** The validated metadata of {@code issuer}, from cache when fresh. */
  public AuthorizationServerMetadata authorizationServer(String issuer) throws IOException {
    Cached cached = metadataCache.get(issuer);
    if (cached != null && cached.fetchedAt().plus(METADATA_TTL).isAfter(clock.instant())) {
      return cached.metadata();
    }
    URI issuerUri;
    try {
      issuerUri = URI.create(issuer);
      Uris.canonical(issuerUri);
    } catch (IllegalArgumentException e) {
      throw new McpAuthException("authorization server '" + issuer + "' is not an absolute URL");
    }
    List<String> tried = new ArrayList<>();
    for (URI candidate : metadataUrls(issuerUri)) {
      JSONObject doc = fetchJson(candidate, tried);
      if (doc == null) {
        continue;
      }
      AuthorizationServerMetadata metadata = parseMetadata(doc, candidate);
      if (!issuer.equals(metadata.getIssuer().getValue())) {
        throw new McpAuthException("authorization server metadata at " + candidate
            + " names issuer '" + metadata.getIssuer() + "' but was fetched for issuer '" + issuer
            + "'; refusing to use it (RFC 8414 section 3.3)");
      }
      metadataCache.put(issuer, new Cached(metadata, clock.instant()));
      return metadata;
    }
    throw new McpAuthException("no authorization server metadata for " + issuer + " (tried "
        + String.join(", ", tried) + ")");
  }

  private AuthTarget legacyTarget(URI server) throws IOException {
    URI origin = Uris.origin(server);
    List<String> tried = new ArrayList<>();
    URI url = URI.create(origin + "/.well-known/oauth-authorization-server");
    JSONObject doc = fetchJson(url, tried);
    AuthorizationServerMetadata metadata;
    if (doc != null) {
      // 2025-03-26 servers: the metadata lives at the MCP server's origin; its issuer is not checked
      // against the origin because that revision did not require them to be equal.
      metadata = parseMetadata(doc, url);
    } else {
      metadata = new AuthorizationServerMetadata(new Issuer(origin.toString()));
      metadata.setAuthorizationEndpointURI(URI.create(origin + "/authorize"));
      metadata.setTokenEndpointURI(URI.create(origin + "/token"));
      metadata.setRegistrationEndpointURI(URI.create(origin + "/register"));
      metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
    }
    return new AuthTarget(server, server, metadata, null, true);
  }

  private static AuthorizationServerMetadata parseMetadata(JSONObject doc, URI from)
      throws McpAuthException {
    try {
      return AuthorizationServerMetadata.parse(doc);
    } catch (ParseException e) {
      throw new McpAuthException("authorization server metadata at " + from + " is malformed: "
          + e.getMessage());
    }
  }

  /**
   * Refuses an authorization server whose metadata does not list PKCE {@code S256}; checked before every
   * authorization code flow (the client credentials grant needs no PKCE).
   */
  public static void requirePkce(AuthTarget target) throws McpAuthException {
    List<CodeChallengeMethod> methods = target.metadata().getCodeChallengeMethods();
    if (methods == null || !methods.contains(CodeChallengeMethod.S256)) {
      throw new McpAuthException("authorization server " + target.issuer()
          + " does not list S256 in code_challenge_methods_supported (has " + methods
          + "); PKCE S256 is required, refusing to proceed");
    }
  }

  static List<URI> resourceMetadataUrls(URI server, BearerChallenge challenge) {
    Set<URI> urls = new LinkedHashSet<>();
    if (challenge.resourceMetadata() != null && challenge.resourceMetadata().isAbsolute()) {
      urls.add(challenge.resourceMetadata());
    }
    if (!Uris.path(server).isEmpty()) {
      urls.add(Uris.wellKnown(server, "oauth-protected-resource"));
    }
    urls.add(URI.create(Uris.origin(server) + "/.well-known/oauth-protected-resource"));
    return List.copyOf(urls);
  }

  static List<URI> metadataUrls(URI issuer) {
    URI origin = Uris.origin(issuer);
    String path = Uris.path(issuer);
    if (path.isEmpty()) {
      return List.of(
          URI.create(origin + "/.well-known/oauth-authorization-server"),
          URI.create(origin + "/.well-known/openid-configuration"));
    }
    return List.of(
        URI.create(origin + "/.well-known/oauth-authorization-server" + path),
        URI.create(origin + "/.well-known/openid-configuration" + path),
        URI.create(origin + path + "/.well-known/openid-configuration"));
  }

  private JSONObject fetchJson(URI url, List<String> tried) throws IOException {
    HTTPRequest request = new HTTPRequest(HTTPRequest.Method.GET, url);
    request.setAccept("application/json");
    HTTPResponse response;
    try {
      response = request.send(sender);
    } catch (IOException e) {
      tried.add(url + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
    if (!response.indicatesSuccess()) {
      tried.add(url + " (HTTP " + response.getStatusCode() + ")");
      return null;
    }
    try {
      return response.getBodyAsJSONObject();
    } catch (ParseException e) {
      tried.add(url + " (not a JSON object)");
      return null;
    }
  }
}
