package dev.mcpkit.policy;

import java.util.Objects;

/**
 * Who may approve a call that needs approval. By default the requesting user may approve their own
 * call (as in a chat, where the user confirms what the agent is about to do); four-eyes rules require
 * somebody else.
 *
 * @param kind the rule
 * @param group for {@link Kind#GROUP}: the group an approver must be in; otherwise null
 */
public record Approvers(Kind kind, String group) {
  /** The kinds of approval rule. */
  public enum Kind {
    /** The requesting user, or any admin. */
    REQUESTER,
    /** An organization or workspace admin other than the requesting user. */
    ADMIN,
    /** A member of a named group other than the requesting user. */
    GROUP
  }

  /** The requesting user (or an admin) approves. */
  public static final Approvers REQUESTER = new Approvers(Kind.REQUESTER, null);

  public Approvers {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.GROUP) != (group != null && !group.isBlank())) {
      throw new IllegalArgumentException(kind == Kind.GROUP
          ? "an approver group is required for Approvers.Kind.GROUP"
          : "only Approvers.Kind.GROUP names a group");
    }
  }

  /** Four eyes: an admin other than the requester. */
  public static Approvers anotherAdmin() {
    return new Approvers(Kind.ADMIN, null);
  }

  /** Four eyes: a member of {@code group} other than the requester. */
  public static Approvers anotherMemberOf(String group) {
    return new Approvers(Kind.GROUP, group);
  }

  /** Whether {@code approver} may approve a call {@code requesterId} asked for. */
  public boolean allows(Principal approver, String requesterId) {
    boolean self = approver.id().equals(requesterId);
    return switch (kind) {
      case REQUESTER -> self || approver.isAdmin();
      case ADMIN -> !self && approver.isAdmin();
      case GROUP -> !self && approver.inGroup(group);
    };
  }

  /** The rule in words, for denials. */
  public String describe() {
    return switch (kind) {
      case REQUESTER -> "the requesting user or an admin";
      case ADMIN -> "an admin other than the requesting user";
      case GROUP -> "a member of group '" + group + "' other than the requesting user";
    };
  }
}
