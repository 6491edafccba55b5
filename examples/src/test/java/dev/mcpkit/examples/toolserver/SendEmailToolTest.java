package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.examples.toolserver.SendEmailTool.SendEmail;
import dev.mcpkit.server.ToolException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendEmailToolTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T09:15:00Z"),
      ZoneOffset.UTC);

  @TempDir
  Path dir;

  @Test
  void aMessageIsWrittenAsAnEmlFileInTheOutboxThatItCreates() throws Exception {
    Path outbox = dir.resolve("outbox");

    Path file = SendEmailTool.write(outbox, CLOCK,
        new SendEmail("ana.silva@example.com", "Your refund",
            "Hello Ana,\nthe refund is on its way."));

    assertThat(file.getParent()).isEqualTo(outbox.toAbsolutePath());
    assertThat(file.getFileName().toString()).startsWith("20260302-091500-").endsWith(".eml");
    String eml = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(eml).contains("From: " + SendEmailTool.FROM + "\r\n",
        "To: ana.silva@example.com\r\n", "Subject: Your refund\r\n",
        "Date: Mon, 2 Mar 2026 09:15:00 GMT\r\n", "Content-Type: text/plain; charset=UTF-8\r\n",
        "\r\n\r\nHello Ana,\r\nthe refund is on its way.\r\n");
  }

  @Test
  void twoSendsOfTheSameMessageMakeTwoFiles() throws Exception {
    SendEmail email = new SendEmail("ops@example.com", "Ping", "Twice");

    Path first = SendEmailTool.write(dir, CLOCK, email);
    Path second = SendEmailTool.write(dir, CLOCK, email);

    assertThat(first).isNotEqualTo(second);
    try (var files = Files.list(dir)) {
      assertThat(files).hasSize(2);
    }
  }

  @Test
  void aNonAsciiSubjectIsEncodedAsAnRfc2047Word() throws Exception {
    Path file = SendEmailTool.write(dir, CLOCK, new SendEmail("jo@example.com", "Café", "x"));

    assertThat(Files.readString(file)).contains("Subject: =?UTF-8?B?Q2Fmw6k=?=\r\n");
  }

  @Test
  void anInvalidAddressIsRefusedWithAMessageAndNothingIsWritten() throws Exception {
    for (String bad : new String[] {"ana", "ana@", "ana@example", "a b@example.com",
        "ana@example.com, bob@example.com", "<ana@example.com>"}) {
      assertThatThrownBy(() -> SendEmailTool.write(dir, CLOCK, new SendEmail(bad, "s", "b")))
          .as(bad)
          .isInstanceOf(ToolException.class)
          .hasMessageContaining("is not an email address");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aSubjectWithALineBreakCannotInjectHeaders() {
    assertThatThrownBy(() -> SendEmailTool.write(dir, CLOCK,
        new SendEmail("ana@example.com", "Hi\r\nBcc: all@example.com", "b")))
        .isInstanceOf(ToolException.class)
        .hasMessage("the subject must be a single line");
  }

  @Test
  void theToolIsAnnotatedDestructiveAndNotIdempotent() {
    var annotations = SendEmailTool.definition(dir, CLOCK).tool().annotations();

    assertThat(annotations.destructiveHint()).isTrue();
    assertThat(annotations.idempotentHint()).isFalse();
    assertThat(annotations.readOnlyHint()).isFalse();
  }
}
