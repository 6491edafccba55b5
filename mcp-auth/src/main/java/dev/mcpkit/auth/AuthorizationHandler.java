package dev.mcpkit.auth;

import java.io.IOException;
import java.net.URI;

/**
 * What happens when a request needs the user to authorize. The interceptor calls it with the
 * authorization URL; it either obtains the callback URL right away (a desktop app that opens a browser and
 * listens on a loopback port, or {@link HeadlessAuthorization} in tests and the conformance client) and
 * returns it, or returns null to defer: the request then fails with an
 * {@link AuthorizationRequiredException} carrying the link, which a web host shows the user.
 */
@FunctionalInterface
public interface AuthorizationHandler {
  /** Never authorizes inline: every authorization goes back to the host as an exception. */
  AuthorizationHandler DEFER = (owner, server, authorizationUrl) -> null;

  /**
   * Obtains the user's authorization for {@code owner} at {@code server}.
   *
   * @return the full callback URL the authorization server redirected to (with {@code code},
   *     {@code state} and possibly {@code iss}), or null to defer
   */
  URI authorize(TokenOwner owner, URI server, URI authorizationUrl) throws IOException;
}
