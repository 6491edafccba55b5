package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.apicheck.ApiSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of mcp-auth changes only on purpose: see {@link ApiSnapshot}. */
class PublicApiTest {
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void thePublicApiIsTheCommittedSnapshot() throws IOException {
    ApiSnapshot.check("mcp-auth", CLASSES, Path.of("api/mcp-auth.api"));
  }

  @Test
  void noPublicSignatureMentionsAnInternalType() throws IOException {
    assertThat(ApiSnapshot.internalLeaks(CLASSES)).isEmpty();
  }
}
