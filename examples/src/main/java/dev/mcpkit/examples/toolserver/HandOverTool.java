package dev.mcpkit.examples.toolserver;

import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.server.ToolDefinition;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import dev.mcpkit.server.ToolException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code hand_over}: hands the conversation over to a human. Opens a ticket in the support queue
 * (kept in memory here, and shown on the server's console) and returns its id.
 *
 * <p>The queue is bounded: a reason of at most {@value #MAX_REASON} and a summary of at most
 * {@value #MAX_SUMMARY} characters (longer ones are a tool error the model can fix), and at most
 * {@value #MAX_TICKETS} tickets (the oldest is dropped). The console line quotes the caller's text
 * escaped and cut, so it can neither drive the terminal nor fake a log line.
 */
final class HandOverTool {
  enum Priority { LOW, NORMAL, URGENT }

  /** A ticket in the support queue. */
  record Ticket(String id, String reason, String summary, Priority priority, String openedBy,
      Instant openedAt) {}

  /** The arguments; the input schema is derived from this record. */
  record HandOver(
      @Description("Why a human needs to take over, in one sentence") String reason,
      @Description("What the user asked and what was tried so far, so nobody has to ask again")
      String summary,
      @Description("How soon a human should answer (default NORMAL)")
      Optional<Priority> priority) {}

  static final int MAX_REASON = 500;
  static final int MAX_SUMMARY = 8 * 1024;
  static final int MAX_TICKETS = 200;
  private static final int CONSOLE_QUOTE = 120;

  private final Deque<Ticket> queue = new ArrayDeque<>();
  private final AtomicInteger lastNumber = new AtomicInteger(1000);
  private final Clock clock;
  private final PrintStream console;

  HandOverTool(Clock clock, PrintStream console) {
    this.clock = clock;
    this.console = console;
  }

  ToolDefinition definition() {
    return ToolDefinition.builder("hand_over")
        .title("Hand over to a human")
        .description("Hands the conversation over to a human support agent: use it when the user"
            + " asks for a person, when a request needs a decision you may not take, or when you"
            + " cannot help. Returns a ticket id to give to the user.")
        .annotations(new ToolAnnotations(null, false, false, false, true, null))
        .handler(HandOver.class, (args, ctx) -> {
          checkLength("reason", args.reason(), MAX_REASON);
          checkLength("summary", args.summary(), MAX_SUMMARY);
          Ticket ticket = new Ticket("HO-" + lastNumber.incrementAndGet(), args.reason(),
              args.summary(), args.priority().orElse(Priority.NORMAL),
              ctx.principal().subject(), clock.instant());
          synchronized (queue) {
            queue.addLast(ticket);
            if (queue.size() > MAX_TICKETS) {
              queue.removeFirst();
            }
          }
          console.printf("hand-over %s (%s) from %s: %s%n", ticket.id(), ticket.priority(),
              ConsoleText.escape(ticket.openedBy(), CONSOLE_QUOTE),
              ConsoleText.escape(ticket.reason(), CONSOLE_QUOTE));
          return CallToolResult.text("Ticket " + ticket.id() + " is open and a support agent"
              + " will take over" + (ticket.priority() == Priority.URGENT ? " within 15 minutes"
              : " within one working day") + ". Tell the user the ticket id.");
        })
        .build();
  }

  private static void checkLength(String field, String value, int max) throws ToolException {
    if (value != null && value.length() > max) {
      throw new ToolException("'" + field + "' has " + value.length() + " characters; at most "
          + max + " are kept. Shorten it and call hand_over again.");
    }
  }

  /** The tickets kept, oldest first (at most {@value #MAX_TICKETS}). */
  List<Ticket> queue() {
    synchronized (queue) {
      return List.copyOf(queue);
    }
  }
}
