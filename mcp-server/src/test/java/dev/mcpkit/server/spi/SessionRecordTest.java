package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRecordTest {
  @Test
  void aRecordPrintedInALogShowsOnlyTheStartOfItsSessionId() {
    SessionRecord record = new SessionRecord("Q2xpZW50U2Vzc2lvbklkMTIz", "main", "alice",
        "2025-11-25", "{\"name\":\"c\"}", "{}", null, Set.of("file:///a"), 42L);

    assertThat(record.toString()).contains("id=Q2xpZW...", "subject=alice", "2025-11-25")
        .doesNotContain("Q2xpZW50U2Vzc2lvbklkMTIz", "Q2xpZW50");
  }
}
