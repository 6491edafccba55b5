package dev.mcpkit.examples.toolserver;

import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code send_email}: "sends" an email by writing it as an {@code .eml} file to a local outbox
 * folder, where any mail client can open it. Nothing leaves the machine.
 */
final class SendEmailTool {
  /** A pragmatic address check: one {@code @}, a dotted domain, no spaces or angle brackets. */
  static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  static final String FROM = "assistant@lumenfreight.example";
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** The arguments; the input schema is derived from this record. */
  record SendEmail(
      @Description("Recipient address, e.g. ana.silva@example.com") String to,
      @Description("Subject line, one line") String subject,
      @Description("Plain-text body") String body) {}

  private SendEmailTool() {}

  static ToolDefinition definition(Path outbox, Clock clock) {
    return ToolDefinition.builder("send_email")
        .title("Send an email")
        .description("Sends a plain-text email to one recipient on behalf of the user. Each call"
            + " sends a new message, so confirm the recipient and the text with the user first."
            + " Returns where the message was stored.")
        // writes something that cannot be taken back, and twice means two emails
        .annotations(new ToolAnnotations(null, false, true, false, true, null))
        .handler(SendEmail.class, (args, ctx) -> {
          Path file = write(outbox, clock, args);
          return CallToolResult.text("Email to " + args.to() + " queued in the outbox: " + file);
        })
        .build();
  }

  /** Validates the message and writes it to a new file in {@code outbox}. */
  static Path write(Path outbox, Clock clock, SendEmail email)
      throws IOException, ToolException {
    String to = email.to().strip();
    if (!ADDRESS.matcher(to).matches()) {
      throw new ToolException("'" + email.to() + "' is not an email address; expected a single"
          + " address such as ana.silva@example.com");
    }
    if (email.subject().contains("\r") || email.subject().contains("\n")) {
      throw new ToolException("the subject must be a single line");
    }
    ZonedDateTime now = ZonedDateTime.now(clock);
    String id = UUID.randomUUID().toString();
    String message = "From: " + FROM + "\r\n"
        + "To: " + to + "\r\n"
        + "Subject: " + encodeHeader(email.subject()) + "\r\n"
        + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + "\r\n"
        + "Message-ID: <" + id + "@lumenfreight.example>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n"
        + "Content-Transfer-Encoding: 8bit\r\n"
        + "\r\n"
        + email.body().replaceAll("\r?\n", "\r\n") + "\r\n";
    Files.createDirectories(outbox);
    Path file = outbox.resolve(FILE_TIME.format(now) + "-" + id.substring(0, 8) + ".eml");
    Files.writeString(file, message, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    return file.toAbsolutePath();
  }

  /** Non-ASCII subjects as an RFC 2047 encoded word. */
  private static String encodeHeader(String text) {
    if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      return text;
    }
    return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }
}
