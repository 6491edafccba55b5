package dev.mcpkit.core.engine;

import dev.mcpkit.core.jsonrpc.RequestId;
import java.time.Duration;

/**
 * How to send one request.
 *
 * @param timeout how long to wait for the answer; null means the engine's default
 * @param resetTimeoutOnProgress whether each progress notification restarts the timeout
 * @param maxTotalTimeout with resetTimeoutOnProgress, the hard limit; null means none
 * @param progress receives progress notifications; when set, a progress token is added to the request
 * @param relatedRequest the incoming request this one is made on behalf of (routes it on HTTP), or null
 */
public record RequestOptions(
    Duration timeout,
    boolean resetTimeoutOnProgress,
    Duration maxTotalTimeout,
    ProgressListener progress,
    RequestId relatedRequest) {

  public static final RequestOptions DEFAULT = new RequestOptions(null, false, null, null, null);

  public static RequestOptions timeout(Duration timeout) {
    return DEFAULT.withTimeout(timeout);
  }

  public RequestOptions withTimeout(Duration timeout) {
    return new RequestOptions(timeout, resetTimeoutOnProgress, maxTotalTimeout, progress, relatedRequest);
  }

  public RequestOptions withProgress(ProgressListener listener, boolean resetTimeout) {
    return new RequestOptions(timeout, resetTimeout, maxTotalTimeout, listener, relatedRequest);
  }

  public RequestOptions withMaxTotalTimeout(Duration max) {
    return new RequestOptions(timeout, resetTimeoutOnProgress, max, progress, relatedRequest);
  }

  public RequestOptions relatedTo(RequestId request) {
    return new RequestOptions(timeout, resetTimeoutOnProgress, maxTotalTimeout, progress, request);
  }
}
