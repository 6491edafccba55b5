package dev.mcpkit.policy;

import java.time.Instant;
import java.util.Objects;

/**
 * An admin's permission for one tool of one connector, with the tool definition it was set (or last
 * confirmed) against. When the server later describes the tool differently, the definition has
 * drifted and the connector's drift permission applies until an admin confirms the new definition.
 *
 * @param permission the permission the admin chose
 * @param definitionHash SHA-256 of the tool's description and schemas when it was set or confirmed, or
 *     null when the tool had not been seen yet (the first definition seen is then adopted)
 * @param setBy the admin who set or confirmed it
 * @param setAt when
 */
public record ToolRule(ToolPermission permission, String definitionHash, String setBy, Instant setAt) {
  public ToolRule {
    Objects.requireNonNull(permission, "permission");
    Objects.requireNonNull(setBy, "setBy");
    Objects.requireNonNull(setAt, "setAt");
  }

  /** This rule bound to {@code hash}. */
  public ToolRule withDefinition(String hash) {
    return new ToolRule(permission, hash, setBy, setAt);
  }
}
