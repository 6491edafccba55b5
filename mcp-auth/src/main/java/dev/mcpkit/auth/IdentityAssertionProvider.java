package dev.mcpkit.auth;

import java.io.IOException;

/**
 * Supplies the identity assertion the enterprise identity provider issued for a user at sign-in (an
 * OpenID Connect ID token), for enterprise-managed authorization. The host has it from its own single
 * sign-on; mcpkit exchanges it for an ID-JAG and that for an access token, with no browser step.
 *
 * <p>Implementations are thread-safe and return null when they hold no current assertion for the
 * owner (not signed in through the identity provider, or the session ended); the client then falls back
 * to the ordinary authorization flow. They must not put the assertion into exception messages.
 */
@FunctionalInterface
public interface IdentityAssertionProvider {
  /** Never vouches for anyone: every owner goes through the ordinary authorization flow. */
  IdentityAssertionProvider NONE = owner -> null;

  /** The owner's current ID token from the enterprise identity provider, or null for none. */
  String idToken(TokenOwner owner) throws IOException;
}
