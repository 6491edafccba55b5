package dev.mcpkit.policy;

import java.util.Objects;
import java.util.Set;

/**
 * A user of the host application as the {@link dev.mcpkit.policy.spi.Directory} knows them: a stable
 * id, their groups, and whether they administer the organization or a workspace.
 *
 * <p>The facade takes a principal to say <em>who</em> is acting, but decides with what the directory
 * answers for that id at the moment of the call, so a removed group or a revoked admin role takes
 * effect on the next call even if the host still holds an old {@code Principal}.
 *
 * @param id the user's stable id in the host
 * @param groups the groups the user belongs to
 * @param organizationAdmin may register servers, share them and set tool permissions
 * @param workspaceAdmin may set up shared connections (and approve as an admin)
 */
public record Principal(
    String id, Set<String> groups, boolean organizationAdmin, boolean workspaceAdmin) {
  public Principal {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("a principal's id must not be blank");
    }
    groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
  }

  /** An ordinary user in {@code groups}. */
  public static Principal user(String id, String... groups) {
    return new Principal(id, Set.of(groups), false, false);
  }

  /** An organization admin (who is also a workspace admin) in {@code groups}. */
  public static Principal admin(String id, String... groups) {
    return new Principal(id, Set.of(groups), true, true);
  }

  /** Whether this user is an organization or a workspace admin. */
  public boolean isAdmin() {
    return organizationAdmin || workspaceAdmin;
  }

  /** Whether this user is in {@code group}. */
  public boolean inGroup(String group) {
    return groups.contains(group);
  }
}
