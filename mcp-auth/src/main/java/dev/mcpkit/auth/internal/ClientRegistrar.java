package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationErrorResponse;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import dev.mcpkit.auth.ClientAuthMethod;
import dev.mcpkit.auth.McpAuthException;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.TokenKey;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Chooses how the client identifies itself to an authorization server, in the specification's order:
 * pre-registered credentials, a client ID metadata document (when the server advertises support), then
 * dynamic client registration (RFC 7591, with {@code application_type}). Registrations obtained
 * dynamically are stored encrypted, keyed by issuer and redirect URI, and never reused at another issuer.
 */
public final class ClientRegistrar {
  /** The owner under which dynamic registrations are filed in the token store. */
  public static final TokenOwner REGISTRATIONS = TokenOwner.shared("mcpkit:client-registrations");

  private final OkHttpSender sender;
  private final Vault vault;
  private final URI metadataDocument;
  private final String clientName;
  private final String applicationType;

  public ClientRegistrar(
      OkHttpSender sender, Vault vault, URI metadataDocument, String clientName,
      String applicationType) {
    this.sender = sender;
    this.vault = vault;
    this.metadataDocument = metadataDocument;
    this.clientName = clientName;
    this.applicationType = applicationType;
  }

  public ClientRegistration identify(
      AuthTarget target, OAuthServerCredentials preRegistered, URI redirectUri, boolean wantsRefresh)
      throws IOException {
    if (preRegistered != null) {
      if (preRegistered.issuer() != null && !preRegistered.issuer().equals(target.issuer())) {
        throw new McpAuthException("the pre-registered client " + preRegistered.clientId()
            + " belongs to authorization server " + preRegistered.issuer() + " but " + target.server()
            + " now uses " + target.issuer() + "; enter credentials registered there");
      }
      ClientAuthMethod method = preRegistered.authMethod() != null ? preRegistered.authMethod()
          : chooseMethod(target, preRegistered.clientSecret() != null,
              preRegistered.privateKey() != null);
      URI redirect = preRegistered.redirectUri() != null ? preRegistered.redirectUri() : redirectUri;
      return new ClientRegistration(preRegistered.clientId(), preRegistered.clientSecret(),
          method.value(), redirect == null ? null : redirect.toString(),
          ClientRegistration.PRE_REGISTERED);
    }
    if (metadataDocument != null && target.clientIdMetadataDocumentSupported()) {
      return new ClientRegistration(metadataDocument.toString(), null, ClientAuthMethod.NONE.value(),
          redirectUri == null ? null : redirectUri.toString(), ClientRegistration.METADATA_DOCUMENT);
    }
    URI endpoint = target.metadata().getRegistrationEndpointURI();
    if (endpoint == null) {
      throw new McpAuthException("cannot identify this client to " + target.issuer()
          + ": it offers no dynamic registration"
          + (metadataDocument == null ? "" : " and does not support client ID metadata documents")
          + "; enter a pre-registered client id for " + target.server());
    }
    if (redirectUri == null) {
      throw new McpAuthException("dynamic registration needs a redirect URI: set one on McpOAuth");
    }
    TokenKey key = new TokenKey(REGISTRATIONS, target.issuer(), redirectUri.toString());
    ClientRegistration stored = vault.read(key, ClientRegistration.class);
    if (stored != null) {
      return stored;
    }
    ClientRegistration registered = register(target, endpoint, redirectUri, wantsRefresh);
    vault.write(key, registered);
    return registered;
  }

  /** Forgets a dynamic registration that the authorization server no longer accepts. */
  public void forget(String issuer, URI redirectUri) throws IOException {
    if (redirectUri != null) {
      vault.remove(new TokenKey(REGISTRATIONS, issuer, redirectUri.toString()));
    }
  }

  private ClientRegistration register(
      AuthTarget target, URI endpoint, URI redirectUri, boolean wantsRefresh) throws IOException {
    ClientMetadata metadata = new ClientMetadata();
    metadata.setName(clientName);
    metadata.setRedirectionURI(redirectUri);
    metadata.setResponseTypes(Set.of(ResponseType.CODE));
    metadata.setGrantTypes(wantsRefresh
        ? Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN)
        : Set.of(GrantType.AUTHORIZATION_CODE));
    ClientAuthMethod requested = requestedMethod(target);
    metadata.setTokenEndpointAuthMethod(ClientAuthenticationMethod.parse(requested.value()));
    metadata.setCustomField("application_type", applicationType);
    List<String> scopes = target.resourceScopes();
    if (scopes != null && !scopes.isEmpty()) {
      metadata.setScope(new Scope(scopes.toArray(String[]::new)));
    }
    HTTPResponse response = new ClientRegistrationRequest(endpoint, metadata, null)
        .toHTTPRequest().send(sender);
    ClientRegistrationResponse parsed;
    try {
      parsed = ClientRegistrationResponse.parse(response);
    } catch (ParseException e) {
      throw new McpAuthException("dynamic client registration at " + endpoint
          + " returned an unreadable response (HTTP " + response.getStatusCode() + "): "
          + e.getMessage());
    }
    if (!parsed.indicatesSuccess()) {
      ClientRegistrationErrorResponse error = parsed.toErrorResponse();
      throw new McpAuthException("dynamic client registration at " + endpoint + " was refused: "
          + Errors.describe(error.getErrorObject()) + " (redirect URI " + redirectUri
          + ", application_type " + applicationType + ")");
    }
    ClientInformation info = parsed.toSuccessResponse().getClientInformation();
    String secret = info.getSecret() == null ? null : info.getSecret().getValue();
    ClientAuthenticationMethod granted = info.getMetadata().getTokenEndpointAuthMethod();
    // a server that does not echo the method registered the one we asked for
    String method = granted != null ? granted.getValue() : requested.value();
    return new ClientRegistration(info.getID().getValue(), secret, method, redirectUri.toString(),
        ClientRegistration.DYNAMIC);
  }

  private static ClientAuthMethod requestedMethod(AuthTarget target) {
    List<ClientAuthenticationMethod> supported = target.metadata().getTokenEndpointAuthMethods();
    if (supported == null || supported.contains(ClientAuthenticationMethod.NONE)) {
      return ClientAuthMethod.NONE;
    }
    if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)) {
      return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }
    if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
      return ClientAuthMethod.CLIENT_SECRET_POST;
    }
    return ClientAuthMethod.NONE;
  }

  /** Picks the token endpoint auth method for a pre-registered client from the server's list. */
  static ClientAuthMethod chooseMethod(AuthTarget target, boolean hasSecret, boolean hasKey) {
    List<ClientAuthenticationMethod> supported = target.metadata().getTokenEndpointAuthMethods();
    if (hasKey && (supported == null
        || supported.contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT))) {
      return ClientAuthMethod.PRIVATE_KEY_JWT;
    }
    if (!hasSecret) {
      return ClientAuthMethod.NONE;
    }
    // RFC 8414: an absent list means client_secret_basic
    if (supported == null || supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)) {
      return ClientAuthMethod.CLIENT_SECRET_BASIC;
    }
    if (supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
      return ClientAuthMethod.CLIENT_SECRET_POST;
    }
    return ClientAuthMethod.CLIENT_SECRET_BASIC;
  }
}
