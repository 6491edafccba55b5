package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.apicheck.ApiSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The public API of mcp-postgres changes only on purpose: see {@link ApiSnapshot}. */
class PublicApiTest {
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void thePublicApiIsTheCommittedSnapshot() throws IOException {
    ApiSnapshot.check("mcp-postgres", CLASSES, Path.of("api/mcp-postgres.api"));
  }

  @Test
  void noPublicSignatureMentionsAnInternalType() throws IOException {
    assertThat(ApiSnapshot.internalLeaks(CLASSES)).isEmpty();
  }
}
