package dev.mcpkit.policy;

/**
 * What the activity log and the approval store keep of a server's tool inputs and results. Set per
 * server on its {@link ServerRegistration}. Credentials are redacted under every policy.
 */
public enum PayloadPolicy {
  /** Inputs and results as sent, with credential-like values redacted (the default). */
  FULL,
  /**
   * The shape only: every key is kept, every value becomes {@code "[REDACTED]"}. Pending approvals
   * keep their arguments encrypted; approvers see the shape.
   */
  REDACTED,
  /**
   * No inputs or results at all: who, what, when, the outcome and the duration. Pending approvals
   * keep their arguments encrypted; approvers see none.
   */
  METADATA_ONLY
}
