package dev.mcpkit.core.jsonrpc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A JSON-RPC request id: a string or a number, kept exactly as the peer sent it so that the answer
 * carries the same JSON value back. An integer is a {@link Long} or a {@link BigInteger}; a number
 * with a fraction or an exponent read by {@link JsonRpcCodec} is a {@link BigDecimal} that also
 * keeps its text, so {@code 1E2}, {@code 1e-400} and {@code 0.30000000000000000001} go back exactly
 * so (and {@code 1E2} is not the id {@code 100}).
 */
public final class RequestId {
  private final Object value;
  private final String exactText;

  private RequestId(Object value) {
    this(value, null);
  }

  private RequestId(Object value, String exactText) {
    this.value = value;
    this.exactText = exactText;
  }

  /** A fractional or exponent id read from JSON, with the text it was sent as. */
  static RequestId exact(BigDecimal value, String text) {
    return new RequestId(value, text);
  }

  public static RequestId of(String value) {
    return new RequestId(Objects.requireNonNull(value, "value"));
  }

  public static RequestId of(long value) {
    return new RequestId(value);
  }

  /**
   * A numeric id outside the long range, or with a fraction (discouraged by JSON-RPC, kept as sent).
   *
   * @throws IllegalArgumentException for NaN or an infinity, which JSON cannot carry
   */
  public static RequestId of(Number value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
      return new RequestId(value);
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return new RequestId(value.longValue());
    }
    if (!Double.isFinite(value.doubleValue())) {
      throw new IllegalArgumentException("a request id must be a finite number, got " + value);
    }
    return new RequestId(new BigDecimal(value.toString()));
  }

  /** The id: a {@link String}, {@link Long}, {@link BigInteger} or {@link BigDecimal}. */
  public Object value() {
    return value;
  }

  /** The number text this id arrived with, when it is a fraction or has an exponent; else null. */
  String exactText() {
    return exactText;
  }

  public boolean isString() {
    return value instanceof String;
  }

  @Override
  public boolean equals(Object o) {
    // by value: 1e2 and 1E2 are one id (a peer's cancellation may spell it either way)
    return o instanceof RequestId other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** The id as it appears in JSON: strings quoted. */
  @Override
  public String toString() {
    return value instanceof String s ? '"' + s + '"' : exactText != null ? exactText
        : value.toString();
  }
}
