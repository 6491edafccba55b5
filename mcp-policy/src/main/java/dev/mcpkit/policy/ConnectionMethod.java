package dev.mcpkit.policy;

/** How an agent connector authenticates to its server. */
public enum ConnectionMethod {
  /** Each user connects their own account; calls carry the calling user's credentials (recommended). */
  PER_USER,
  /** One connection (a service account) set up by a workspace admin is used for everyone it is shared with. */
  SHARED
}
