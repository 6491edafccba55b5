package dev.mcpkit.examples.toolserver;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.server.ToolContext;
import dev.mcpkit.server.ToolDefinition;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code execute_workflow}: runs a named multi-step job, reporting progress after each step, and
 * stops between steps (or in the middle of one) when the client cancels the call.
 */
final class WorkflowTool {
  /** The workflows a caller can start, with their steps. */
  enum Workflow {
    @JsonProperty("onboard_employee")
    ONBOARD_EMPLOYEE("create accounts", "order laptop", "enrol in trainings",
        "book welcome session"),
    @JsonProperty("publish_release")
    PUBLISH_RELEASE("run tests", "build images", "deploy canary", "deploy to all regions"),
    @JsonProperty("month_end_close")
    MONTH_END_CLOSE("export ledger", "reconcile payments", "book accruals", "send report");

    final List<String> steps;

    Workflow(String... steps) {
      this.steps = List.of(steps);
    }
  }

  enum Status { RUNNING, COMPLETED, CANCELLED }

  /** One execution, as the run history keeps it. */
  record Run(int id, Workflow workflow, int stepsDone, Status status) {}

  /** The arguments; the input schema is derived from this record. */
  record ExecuteWorkflow(@Description("The workflow to run") Workflow workflow) {}

  private final Duration stepDuration;
  private final Map<Integer, Run> runs = new ConcurrentHashMap<>();
  private final AtomicInteger lastId = new AtomicInteger();

  /** @param stepDuration how long each step works (a stand-in for real work) */
  WorkflowTool(Duration stepDuration) {
    this.stepDuration = stepDuration;
  }

  ToolDefinition definition() {
    return ToolDefinition.builder("execute_workflow")
        .title("Run a workflow")
        .description("Runs one of the company's automated workflows (onboard_employee,"
            + " publish_release, month_end_close) step by step, reporting progress after each"
            + " step. Takes a few seconds; can be cancelled between steps.")
        .annotations(new ToolAnnotations(null, false, false, false, false, null))
        .handler(ExecuteWorkflow.class, this::execute)
        .build();
  }

  private CallToolResult execute(ExecuteWorkflow args, ToolContext ctx)
      throws InterruptedException {
    int id = lastId.incrementAndGet();
    List<String> steps = args.workflow().steps;
    int done = 0;
    try {
      for (String step : steps) {
        runs.put(id, new Run(id, args.workflow(), done, Status.RUNNING));
        ctx.throwIfCancelled();
        Thread.sleep(stepDuration.toMillis()); // interrupted when the call is cancelled
        done++;
        ctx.progress(done, (double) steps.size(), step + " (" + done + "/" + steps.size() + ")");
      }
    } catch (InterruptedException | CancellationException e) {
      runs.put(id, new Run(id, args.workflow(), done, Status.CANCELLED));
      throw e;
    }
    runs.put(id, new Run(id, args.workflow(), done, Status.COMPLETED));
    return CallToolResult.text("Workflow " + name(args.workflow()) + " (run " + id
        + ") completed " + done + " steps: " + String.join(", ", steps) + ".");
  }

  /** The run history, by run id. */
  Map<Integer, Run> runs() {
    return Map.copyOf(runs);
  }

  private static String name(Workflow workflow) {
    return workflow.name().toLowerCase(Locale.ROOT);
  }
}
