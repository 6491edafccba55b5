package dev.mcpkit.auth;

import java.net.URI;
import java.util.Objects;

/**
 * The MCP server needs an authorization that only the user can give: send them to
 * {@link #authorizationUrl()} (the "connect your account" link) and call
 * {@link McpOAuth#complete(TokenOwner, URI)} with the callback; then retry.
 */
public final class AuthorizationRequiredException extends McpAuthException {
  private final transient AuthorizationLink link;

  public AuthorizationRequiredException(AuthorizationLink link) {
    super(
        "authorization required for "
            + link.owner()
            + " at "
            + link.server()
            + ": send the user to the authorization URL, then complete with the callback URL");
    this.link = Objects.requireNonNull(link, "link");
  }

  public AuthorizationLink link() {
    return link;
  }

  public URI authorizationUrl() {
    return link.authorizationUrl();
  }
}
