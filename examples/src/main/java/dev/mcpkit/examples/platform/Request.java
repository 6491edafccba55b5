package dev.mcpkit.examples.platform;

import dev.mcpkit.policy.Principal;
import java.util.Map;

/**
 * One request as a screen sees it: the path, the query and form fields, the session and the user
 * acting (chosen with the user switcher).
 */
record Request(String method, String path, Map<String, String> query, Map<String, String> form,
    Session session, Principal user) {

  /** A query or form field, or "" when absent. */
  String param(String name) {
    String v = form.get(name);
    if (v == null) {
      v = query.get(name);
    }
    return v == null ? "" : v;
  }

  boolean post() {
    return method.equals("POST");
  }
}
