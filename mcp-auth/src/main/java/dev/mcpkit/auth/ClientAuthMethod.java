package dev.mcpkit.auth;

/** How the client authenticates at the token endpoint (RFC 7591 {@code token_endpoint_auth_method}). */
public enum ClientAuthMethod {
  /** Client id and secret in an HTTP Basic {@code Authorization} header. */
  CLIENT_SECRET_BASIC("client_secret_basic"),
  /** Client id and secret as form parameters. */
  CLIENT_SECRET_POST("client_secret_post"),
  /** A public client: only the client id is sent (PKCE protects the code). */
  NONE("none"),
  /** A JWT signed with the client's private key (RFC 7523). */
  PRIVATE_KEY_JWT("private_key_jwt");

  private final String value;

  ClientAuthMethod(String value) {
    this.value = value;
  }

  /** The registered name, e.g. {@code client_secret_basic}. */
  public String value() {
    return value;
  }

  /** The method with registered name {@code value}, or null if it is not one of these. */
  public static ClientAuthMethod fromValue(String value) {
    for (ClientAuthMethod m : values()) {
      if (m.value.equals(value)) {
        return m;
      }
    }
    return null;
  }
}
