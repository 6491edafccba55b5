package dev.mcpkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {
  @Test
  void secretsInTextAreRedactedWhateverTheCaseOfTheirKeyword() {
    assertThat(SecretRedactor.redactText("Authorization: BEARER abcdefgh12345678"))
        .isEqualTo("Authorization: BEARER [REDACTED]");
    assertThat(SecretRedactor.redactText("login with PassWord=hunter22 now"))
        .isEqualTo("login with PassWord=[REDACTED] now");
    assertThat(SecretRedactor.redactText("x Api-Key: 0123456789")).isEqualTo("x Api-Key: [REDACTED]");
    assertThat(SecretRedactor.redactText("TOKEN=abc;")).isEqualTo("TOKEN=[REDACTED];");
  }

  @Test
  void textWithoutASecretWordIsReturnedAsIs() {
    String text = "tool 'echo' is always allowed";
    assertThat(SecretRedactor.redactText(text)).isSameAs(text);
    assertThat(SecretRedactor.redactText("short")).isEqualTo("short");
  }

  @Test
  void thePreCheckLetsThroughEveryTextThatMentionsASecretWord() {
    for (String text : new String[] {"....bearer", "BASIC....", "xxPASSxx", "..SeCrEt..",
        "..tOkEn..", "..KEY....", "apikey=1234"}) {
      assertThat(SecretRedactor.mayHoldSecret(text)).as(text).isTrue();
    }
    assertThat(SecretRedactor.mayHoldSecret("nothing to see here")).isFalse();
    assertThat(SecretRedactor.mayHoldSecret("ke")).isFalse();
    assertThat(SecretRedactor.mayHoldSecret("1234567k")).isFalse();
  }
}
