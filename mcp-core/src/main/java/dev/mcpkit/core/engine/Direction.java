package dev.mcpkit.core.engine;

/** Whether a request came from the peer or goes to it. */
public enum Direction {
  /** A request the peer sent us; our handler answers it. */
  INBOUND,
  /** A request we send to the peer. */
  OUTBOUND
}
