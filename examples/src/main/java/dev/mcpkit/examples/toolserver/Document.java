package dev.mcpkit.examples.toolserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A document the knowledge search finds.
 *
 * @param id the file name without its extension, e.g. {@code travel-policy}
 * @param title the first heading
 * @param text the body, without the heading
 */
record Document(String id, String title, String text) {
  /** The bundled documents: a fictional company's policies, runbooks and IT guides. */
  static final List<String> BUNDLED = List.of("expense-policy", "travel-policy", "remote-work",
      "time-off", "incident-response", "database-failover", "deploy-rollback", "password-reset",
      "device-security", "onboarding", "security-vulnerability", "customer-refunds", "on-call");

  /** Reads the bundled documents from {@code docs/} beside this class. */
  static List<Document> bundled() {
    return BUNDLED.stream().map(Document::load).toList();
  }

  /** Parses markdown whose first line is {@code # Title}. */
  static Document parse(String id, String markdown) {
    String[] parts = markdown.strip().split("\n", 2);
    String title = parts[0].replaceFirst("^#+\\s*", "").strip();
    return new Document(id, title, parts.length > 1 ? parts[1].strip() : "");
  }

  private static Document load(String id) {
    try (InputStream in = Document.class.getResourceAsStream("docs/" + id + ".md")) {
      if (in == null) {
        throw new IllegalStateException("bundled document docs/" + id + ".md is missing");
      }
      return parse(id, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
