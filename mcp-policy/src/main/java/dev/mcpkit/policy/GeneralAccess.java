package dev.mcpkit.policy;

/** Who may use a server (or a shared connection) beyond the people and groups named. */
public enum GeneralAccess {
  /** Only the people and groups named. */
  RESTRICTED,
  /** Everyone in the organization. */
  TEAM
}
