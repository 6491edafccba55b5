package dev.mcpkit.client;

import dev.mcpkit.core.schema.Sampling.CreateMessageParams;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;

/**
 * Answers a server's {@code sampling/createMessage}: runs the host's language model (after whatever
 * approval the host requires) and returns the message it produced. Setting one declares the
 * {@code sampling} capability. Runs on a worker thread and may block; may be called concurrently.
 * Throw {@link dev.mcpkit.core.McpProtocolException} to refuse (e.g. the user declined).
 */
@FunctionalInterface
public interface SamplingHandler {
  CreateMessageResult createMessage(CreateMessageParams params) throws Exception;
}
