package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.PolicyDeniedException;
import dev.mcpkit.policy.Principal;
import java.io.IOException;

/** Who is asking, read from the directory on every call, and the organization-admin check. */
final class Principals {
  private Principals() {}

  /** The principal, or a denial naming the user the directory does not know. */
  static Principal known(Stores stores, String principalId) throws IOException {
    Principal p = stores.directory().find(principalId);
    if (p == null) {
      throw new PolicyDeniedException("directory", "user '" + principalId
          + "' is not in the directory");
    }
    return p;
  }

  /** The principal if an organization admin, else a denial saying what only admins may do. */
  static Principal orgAdmin(Stores stores, String principalId, String what) throws IOException {
    Principal p = known(stores, principalId);
    if (!p.organizationAdmin()) {
      throw new PolicyDeniedException("organization-admin", "only organization admins can " + what
          + "; '" + principalId + "' is not one");
    }
    return p;
  }
}
