package dev.mcpkit.examples.toolserver;

import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.server.ToolDefinition;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code hand_over}: hands the conversation over to a human. Opens a ticket in the support queue
 * (kept in memory here, and shown on the server's console) and returns its id.
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

  private final List<Ticket> queue = new CopyOnWriteArrayList<>();
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
          Ticket ticket = new Ticket("HO-" + lastNumber.incrementAndGet(), args.reason(),
              args.summary(), args.priority().orElse(Priority.NORMAL),
              ctx.principal().subject(), clock.instant());
          queue.add(ticket);
          console.printf("hand-over %s (%s) from %s: %s%n", ticket.id(), ticket.priority(),
              ticket.openedBy(), ticket.reason());
          return CallToolResult.text("Ticket " + ticket.id() + " is open and a support agent"
              + " will take over" + (ticket.priority() == Priority.URGENT ? " within 15 minutes"
              : " within one working day") + ". Tell the user the ticket id.");
        })
        .build();
  }

  /** The tickets opened so far, oldest first. */
  List<Ticket> queue() {
    return List.copyOf(queue);
  }
}
