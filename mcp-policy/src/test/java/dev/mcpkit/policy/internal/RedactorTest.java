package dev.mcpkit.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void secretsInTextAreRedactedWhateverTheCaseOfTheirKeyword() {
    assertThat(Redactor.redactText("Authorization: BEARER abcdefgh12345678"))
        .isEqualTo("Authorization: BEARER [REDACTED]");
    assertThat(Redactor.redactText("login with PassWord=hunter22 now"))
        .isEqualTo("login with PassWord=[REDACTED] now");
    assertThat(Redactor.redactText("x Api-Key: 0123456789")).isEqualTo("x Api-Key: [REDACTED]");
    assertThat(Redactor.redactText("TOKEN=abc;")).isEqualTo("TOKEN=[REDACTED];");
  }

  @Test
  void textWithoutASecretWordIsReturnedAsIs() {
    String text = "tool 'echo' is always allowed";
    assertThat(Redactor.redactText(text)).isSameAs(text);
    assertThat(Redactor.redactText("short")).isEqualTo("short");
  }

  @Test
  void thePreCheckLetsThroughEveryTextThatMentionsASecretWord() {
    for (String text : new String[] {"....bearer", "BASIC....", "xxPASSxx", "..SeCrEt..",
        "..tOkEn..", "..KEY....", "apikey=1234"}) {
      assertThat(Redactor.mayHoldSecret(text)).as(text).isTrue();
    }
    assertThat(Redactor.mayHoldSecret("nothing to see here")).isFalse();
    assertThat(Redactor.mayHoldSecret("ke")).isFalse();
    assertThat(Redactor.mayHoldSecret("1234567k")).isFalse();
  }

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
