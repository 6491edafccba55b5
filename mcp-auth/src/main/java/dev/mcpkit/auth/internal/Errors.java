package dev.mcpkit.auth.internal;

import com.nimbusds.oauth2.sdk.ErrorObject;

/** Renders OAuth error objects for exception messages. */
final class Errors {
  private Errors() {}

  static String describe(ErrorObject error) {
    if (error == null) {
      return "no error details";
    }
    StringBuilder s = new StringBuilder();
    s.append(error.getCode() == null ? "error" : error.getCode());
    if (error.getDescription() != null) {
      s.append(" (").append(error.getDescription()).append(')');
    }
    if (error.getHTTPStatusCode() > 0) {
      s.append(", HTTP ").append(error.getHTTPStatusCode());
    }
    return s.toString();
  }
}
