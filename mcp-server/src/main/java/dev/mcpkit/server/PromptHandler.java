package dev.mcpkit.server;

import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import java.util.Map;

/** Renders a prompt from its arguments (required ones are checked before it runs). */
@FunctionalInterface
public interface PromptHandler {
  GetPromptResult get(Map<String, String> arguments, CallContext context) throws Exception;
}
