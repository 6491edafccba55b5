package dev.mcpkit.auth;

import java.util.Objects;

/**
 * On whose behalf a credential is held: one user, or a connection shared by many users (a service
 * account). Part of every {@link TokenKey}.
 *
 * @param kind a user's own credential or a shared one
 * @param id the user's or the shared connection's stable id in the host
 */
public record TokenOwner(Kind kind, String id) {
  /** Who a credential belongs to. */
  public enum Kind {
    /** A single end user's credential, obtained with their consent. */
    USER,
    /** A credential that a shared connection (service account) uses for everyone. */
    SHARED
  }

  public TokenOwner {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("owner id must not be blank");
    }
  }

  public static TokenOwner user(String userId) {
    return new TokenOwner(Kind.USER, userId);
  }

  public static TokenOwner shared(String connectionId) {
    return new TokenOwner(Kind.SHARED, connectionId);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
