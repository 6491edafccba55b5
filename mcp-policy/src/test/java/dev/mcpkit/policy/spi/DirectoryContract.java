package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.Principal;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Directory} must do. Extend it and return a directory holding exactly the users
 * given to {@link #directoryWith}.
 */
public abstract class DirectoryContract {
  /** A directory that knows exactly {@code users}. */
  protected abstract Directory directoryWith(Principal... users) throws Exception;

  @Test
  public void aKnownUserIsFoundWithTheirGroupsAndRoles() throws Exception {
    Directory d = directoryWith(Principal.user("alice", "sales", "emea"), Principal.admin("root"));
    assertThat(d.find("alice").groups()).containsExactlyInAnyOrder("sales", "emea");
    assertThat(d.find("alice").isAdmin()).isFalse();
    assertThat(d.find("root").organizationAdmin()).isTrue();
  }

  @Test
  public void anUnknownUserIsNull() throws Exception {
    assertThat(directoryWith(Principal.user("alice")).find("mallory")).isNull();
  }
}
