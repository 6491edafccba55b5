package dev.mcpkit.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The activity log's URL masking; the rest of redaction is mcp-core's {@code SecretRedactorTest}. */
class RedactorTest {
  @Test
  void capabilityTokensAndQueryStringsInUrlsAreMaskedAndTheRestKept() {
    String token = "PotOX5aAY5StMArV5TWCTQAETrJsxUcO";
    assertThat(Redactor.redactUrls("registered at http://127.0.0.1:41873/mcp/v1/" + token
        + "/mcp (API_KEY)")).isEqualTo("registered at http://127.0.0.1:41873/mcp/v1/[REDACTED]/mcp"
            + " (API_KEY)");
    assertThat(Redactor.redactUrls("HTTP 401 at https://crm.example/mcp?key=abc&x=1"))
        .isEqualTo("HTTP 401 at https://crm.example/mcp?[REDACTED]");
    assertThat(Redactor.redactUrls("at https://crm.example/mcp/tools")).isEqualTo(
        "at https://crm.example/mcp/tools");
    assertThat(Redactor.redactUrls("no url here")).isEqualTo("no url here");
  }
}
