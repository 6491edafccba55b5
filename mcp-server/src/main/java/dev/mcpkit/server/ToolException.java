package dev.mcpkit.server;

/**
 * A tool failure whose message the model should read: thrown by a handler, it becomes a result
 * with {@code isError: true} and this message as its text. Say what went wrong and how to fix the
 * call ("no city named 'Pariss'; check the spelling"). Never put secrets in it.
 */
public class ToolException extends Exception {
  private static final long serialVersionUID = 1L;

  public ToolException(String message) {
    super(message);
  }

  public ToolException(String message, Throwable cause) {
    super(message, cause);
  }
}
