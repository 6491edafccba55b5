package dev.mcpkit.auth.internal;

/**
 * A client identity at one authorization server: pre-registered, a client ID metadata document URL, or
 * the result of dynamic registration (then stored encrypted, keyed by issuer and redirect URI).
 */
public record ClientRegistration(
    String clientId, String clientSecret, String authMethod, String redirectUri, String source) {
  public static final String PRE_REGISTERED = "pre-registered";
  public static final String METADATA_DOCUMENT = "client-id-metadata-document";
  public static final String DYNAMIC = "dynamic";

  @Override
  public String toString() {
    return "ClientRegistration[clientId=" + clientId + ", authMethod=" + authMethod
        + ", source=" + source + "]";
  }
}
