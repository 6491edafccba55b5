package dev.mcpkit.policy;

import java.util.Objects;

/**
 * One share of a shared connection: with a person, a group or the whole team, and what they may do.
 *
 * @param grantee who
 * @param id the user id or group name; null for {@link Grantee#TEAM}
 * @param permission what they may do with the connection
 */
public record ConnectionShare(Grantee grantee, String id, Permission permission) {
  /** To whom a share is given. */
  public enum Grantee {
    USER,
    GROUP,
    /** Everyone in the organization. */
    TEAM
  }

  /** What a share allows. */
  public enum Permission {
    /** Calls may run through the connection. */
    USE,
    /** Use, plus rename, reconnect and re-share it. */
    MANAGE
  }

  public ConnectionShare {
    Objects.requireNonNull(grantee, "grantee");
    Objects.requireNonNull(permission, "permission");
    if ((grantee == Grantee.TEAM) != (id == null)) {
      throw new IllegalArgumentException(grantee == Grantee.TEAM
          ? "a team share names no user or group" : "a " + grantee + " share needs an id");
    }
  }

  public static ConnectionShare user(String userId, Permission permission) {
    return new ConnectionShare(Grantee.USER, userId, permission);
  }

  public static ConnectionShare group(String group, Permission permission) {
    return new ConnectionShare(Grantee.GROUP, group, permission);
  }

  public static ConnectionShare team(Permission permission) {
    return new ConnectionShare(Grantee.TEAM, null, permission);
  }

  /** Whether this share gives {@code principal} at least {@code needed}. */
  public boolean grants(Principal principal, Permission needed) {
    if (needed == Permission.MANAGE && permission != Permission.MANAGE) {
      return false;
    }
    return switch (grantee) {
      case TEAM -> true;
      case USER -> id.equals(principal.id());
      case GROUP -> principal.inGroup(id);
    };
  }
}
