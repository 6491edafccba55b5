package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.ElicitationHandler;
import dev.mcpkit.client.RootsProvider;
import dev.mcpkit.client.SamplingHandler;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.Sampling.CreateMessageParams;
import java.util.Map;

/**
 * What the client answers when a server asks it something (roots, sampling, elicitation): the
 * capabilities it declares, and each handler wired twice, as a request handler (a server's request
 * on a session) and as an input handler (an {@code input_required} round of 2026-07-28).
 */
public final class ClientInputs {
  private ClientInputs() {}

  /** Declares and wires the handlers that are set (null ones are left out). */
  public static void wire(ObjectNode caps, Map<String, ClientConfig.InputHandler> inputs,
      MethodHandlers.Builder handlers, RootsProvider roots, SamplingHandler sampling,
      ElicitationHandler elicitation) {
    if (roots != null) {
      caps.putObject("roots").put("listChanged", true);
      inputs.put(Methods.ROOTS_LIST, p -> McpJson.toTree(roots.listRoots()));
      handlers.onRequest(Methods.ROOTS_LIST, (ctx, p) -> McpJson.toTree(roots.listRoots()));
    }
    if (sampling != null) {
      caps.putObject("sampling");
      ClientConfig.InputHandler answer = p -> McpJson.toTree(
          sampling.createMessage(McpJson.fromTree(p, CreateMessageParams.class)));
      inputs.put(Methods.SAMPLING_CREATE_MESSAGE, answer);
      handlers.onRequest(Methods.SAMPLING_CREATE_MESSAGE, (ctx, p) -> answer.handle(p));
    }
    if (elicitation != null) {
      ObjectNode e = caps.putObject("elicitation");
      e.putObject("form");
      if (elicitation.supportsUrlMode()) {
        e.putObject("url");
      }
      ClientConfig.InputHandler answer = p -> McpJson.toTree(
          elicitation.elicit(McpJson.fromTree(p, ElicitParams.class)));
      inputs.put(Methods.ELICITATION_CREATE, answer);
      handlers.onRequest(Methods.ELICITATION_CREATE, (ctx, p) -> answer.handle(p));
    }
  }
}
