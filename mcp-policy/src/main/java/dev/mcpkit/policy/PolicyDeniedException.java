package dev.mcpkit.policy;

/**
 * An administrative action refused by a rule (a non-admin registering a server, a user sharing what
 * they do not manage, ...). The message says who, what and which rule; nothing was changed.
 */
public final class PolicyDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String rule;

  public PolicyDeniedException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** The rule that refused. */
  public String rule() {
    return rule;
  }
}
