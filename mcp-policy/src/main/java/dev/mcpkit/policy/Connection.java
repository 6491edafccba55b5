package dev.mcpkit.policy;

import dev.mcpkit.auth.TokenOwner;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A connection to a registered server: a user's own account ({@link ConnectionMethod#PER_USER}) or a
 * service account a workspace admin set up ({@link ConnectionMethod#SHARED}). Its credentials live,
 * encrypted, in mcp-auth's token store under {@link #tokenOwner()}; this record holds none.
 *
 * @param id the connection's id
 * @param serverId the registered server
 * @param method personal or shared
 * @param ownerId the user who connected (personal) or the workspace admin who set it up (shared)
 * @param name a display name
 * @param status whether credentials were obtained
 * @param shares for shared connections: who may use or manage it; empty for personal ones
 * @param createdAt when it was created
 */
public record Connection(
    String id,
    String serverId,
    ConnectionMethod method,
    String ownerId,
    String name,
    Status status,
    List<ConnectionShare> shares,
    Instant createdAt) {

  /** Whether a connection has credentials. */
  public enum Status {
    /** Created, waiting for the authorization (or API key). */
    PENDING,
    /** Credentials are stored. */
    CONNECTED
  }

  public Connection {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(ownerId, "ownerId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    shares = List.copyOf(shares);
    if (method == ConnectionMethod.PER_USER && !shares.isEmpty()) {
      throw new IllegalArgumentException("a personal connection cannot be shared; "
          + "a workspace admin sets up a shared connection instead");
    }
  }

  /** Whose credentials these are, in mcp-auth's terms. */
  public TokenOwner tokenOwner() {
    return method == ConnectionMethod.PER_USER ? TokenOwner.user(ownerId) : TokenOwner.shared(id);
  }

  /** Whether {@code principal} may use (or manage) this connection. */
  public boolean allows(Principal principal, ConnectionShare.Permission needed) {
    if (method == ConnectionMethod.PER_USER) {
      return ownerId.equals(principal.id());
    }
    if (principal.workspaceAdmin() || principal.organizationAdmin()) {
      return true;
    }
    for (ConnectionShare share : shares) {
      if (share.grants(principal, needed)) {
        return true;
      }
    }
    return false;
  }

  public Connection withStatus(Status newStatus) {
    return new Connection(id, serverId, method, ownerId, name, newStatus, shares, createdAt);
  }

  public Connection withName(String newName) {
    return new Connection(id, serverId, method, ownerId, newName, status, shares, createdAt);
  }

  public Connection withShares(List<ConnectionShare> newShares) {
    return new Connection(id, serverId, method, ownerId, name, status, newShares, createdAt);
  }
}
