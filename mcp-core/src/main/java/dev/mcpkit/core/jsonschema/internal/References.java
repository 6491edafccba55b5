package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.jsonschema.ValidationProblem;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Explains why a schema failed to compile, usually a {@code $ref} that cannot be followed. */
final class References {
  private static final Pattern NOT_LOADED = Pattern.compile("Schema from '([^']*)' is not allowed");
  private static final Pattern UNRESOLVED = Pattern.compile("Reference (\\S+) cannot be resolved");
  private static final String[] REFERENCE_KEYWORDS = {"$ref", "$dynamicRef", "$recursiveRef"};

  private References() {}

  static ValidationProblem problem(RuntimeException e, JsonNode schema) {
    String text = String.valueOf(e.getMessage());
    Matcher outside = NOT_LOADED.matcher(text);
    if (outside.find()) {
      String iri = outside.group(1);
      return at(find(schema, ref -> !base(ref).isEmpty() && iri.endsWith(base(ref))),
          "refers to \"" + iri + "\", outside this schema; references are never fetched: copy"
              + " that schema under \"$defs\" and refer to it as \"#/$defs/<name>\"");
    }
    Matcher unresolved = UNRESOLVED.matcher(text);
    if (unresolved.find()) {
      String fragment = unresolved.group(1);
      Location at = find(schema, ref -> ref.endsWith("#" + fragment));
      return at(at, "\"#" + fragment + "\" does not point to anything in this schema");
    }
    return new ValidationProblem("", "$", "error", "$: cannot compile the schema: " + text);
  }

  private static ValidationProblem at(Location location, String detail) {
    return new ValidationProblem(location.pointer(), location.path(), "$ref",
        location.path() + ": " + detail);
  }

  private static String base(String ref) {
    int hash = ref.indexOf('#');
    return hash < 0 ? ref : ref.substring(0, hash);
  }

  /** The first reference keyword, depth first, whose value matches; the root when none does. */
  private static Location find(JsonNode schema, Predicate<String> matches) {
    Location found = search(schema, Location.ROOT, matches);
    return found != null ? found : Location.ROOT;
  }

  private static Location search(JsonNode node, Location at, Predicate<String> matches) {
    if (node.isObject()) {
      for (String keyword : REFERENCE_KEYWORDS) {
        JsonNode ref = node.get(keyword);
        if (ref != null && ref.isTextual() && matches.test(ref.textValue())) {
          return at.property(keyword);
        }
      }
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        Location found = search(field.getValue(), at.property(field.getKey()), matches);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Location found = search(node.get(i), at.index(i), matches);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
