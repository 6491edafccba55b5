package dev.mcpkit.policy;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * With whom a registered server is shared: named people, named groups, and the general access. Only
 * users it allows can attach the server to an agent or call its tools. A server that was never shared
 * is shared with nobody.
 *
 * @param users user ids named
 * @param groups group names named
 * @param access {@link GeneralAccess#TEAM} to open it to everyone in the organization
 */
public record Sharing(Set<String> users, Set<String> groups, GeneralAccess access) {
  /** Shared with nobody. */
  public static final Sharing NOBODY = new Sharing(Set.of(), Set.of(), GeneralAccess.RESTRICTED);

  public Sharing {
    users = Set.copyOf(Objects.requireNonNull(users, "users"));
    groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
    Objects.requireNonNull(access, "access");
    for (String u : users) {
      if (u.isBlank()) {
        throw new IllegalArgumentException("a shared-with user id must not be blank");
      }
    }
    for (String g : groups) {
      if (g.isBlank()) {
        throw new IllegalArgumentException("a shared-with group name must not be blank");
      }
    }
  }

  /** Restricted to the given users. */
  public static Sharing withUsers(String... users) {
    return new Sharing(Set.of(users), Set.of(), GeneralAccess.RESTRICTED);
  }

  /** Open to the whole organization. */
  public static Sharing team() {
    return new Sharing(Set.of(), Set.of(), GeneralAccess.TEAM);
  }

  /** This sharing with {@code group} added. */
  public Sharing plusGroup(String group) {
    Set<String> g = new HashSet<>(groups);
    g.add(group);
    return new Sharing(users, g, access);
  }

  /** This sharing with {@code user} removed. */
  public Sharing minusUser(String user) {
    Set<String> u = new HashSet<>(users);
    u.remove(user);
    return new Sharing(u, groups, access);
  }

  /** Whether {@code principal} may use what is shared this way. */
  public boolean allows(Principal principal) {
    if (access == GeneralAccess.TEAM || users.contains(principal.id())) {
      return true;
    }
    for (String g : principal.groups()) {
      if (groups.contains(g)) {
        return true;
      }
    }
    return false;
  }
}
