package dev.mcpkit.core.jsonrpc;

/** JSON-RPC 2.0 and MCP error codes. */
public final class ErrorCodes {
  /** Invalid JSON was received. */
  public static final int PARSE_ERROR = -32700;
  /** The JSON sent is not a valid request object. */
  public static final int INVALID_REQUEST = -32600;
  public static final int METHOD_NOT_FOUND = -32601;
  public static final int INVALID_PARAMS = -32602;
  public static final int INTERNAL_ERROR = -32603;

  /** The connection or session closed before an answer came (SDK convention, also used by other SDKs). */
  public static final int CONNECTION_CLOSED = -32000;
  /** A request timed out (SDK convention). */
  public static final int REQUEST_TIMEOUT = -32001;
  /** {@code resources/read} of an unknown URI. */
  public static final int RESOURCE_NOT_FOUND = -32002;
  /** 2026-07-28: HTTP headers disagree with the body, or a required header is missing or malformed. */
  public static final int HEADER_MISMATCH = -32020;
  /** 2026-07-28: the request needs a client capability the client did not declare. */
  public static final int MISSING_REQUIRED_CLIENT_CAPABILITY = -32021;
  /** 2026-07-28: the request's protocol version is unknown or unsupported. */
  public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
  /** 2025-11-25+: the request needs the user to complete a URL-mode elicitation first. */
  public static final int URL_ELICITATION_REQUIRED = -32042;

  private ErrorCodes() {}

  /** A short name for a code, for logs. */
  public static String name(int code) {
    return switch (code) {
      case PARSE_ERROR -> "parse error";
      case INVALID_REQUEST -> "invalid request";
      case METHOD_NOT_FOUND -> "method not found";
      case INVALID_PARAMS -> "invalid params";
      case INTERNAL_ERROR -> "internal error";
      case CONNECTION_CLOSED -> "connection closed";
      case REQUEST_TIMEOUT -> "request timeout";
      case RESOURCE_NOT_FOUND -> "resource not found";
      case HEADER_MISMATCH -> "header mismatch";
      case MISSING_REQUIRED_CLIENT_CAPABILITY -> "missing required client capability";
      case UNSUPPORTED_PROTOCOL_VERSION -> "unsupported protocol version";
      case URL_ELICITATION_REQUIRED -> "URL elicitation required";
      default -> "error " + code;
    };
  }
}
