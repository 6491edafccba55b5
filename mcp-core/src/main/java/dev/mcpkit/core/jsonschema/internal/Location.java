package dev.mcpkit.core.jsonschema.internal;

import com.networknt.schema.JsonNodePath;
import java.util.regex.Pattern;

/**
 * Where a value sits in a JSON document, both as a JSON Pointer and as a JSONPath-style path for
 * humans ({@code $.a.b[0]}).
 */
public record Location(String pointer, String path) {
  public static final Location ROOT = new Location("", "$");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /** The location of a property of the object at this location. */
  public Location property(String name) {
    String escaped = name.replace("~", "~0").replace("/", "~1");
    String step = IDENTIFIER.matcher(name).matches()
        ? "." + name
        : "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    return new Location(pointer + "/" + escaped, path + step);
  }

  /** The location of an element of the array at this location. */
  public Location index(int index) {
    return new Location(pointer + "/" + index, path + "[" + index + "]");
  }

  /** Converts networknt's path, which knows property names from array indexes. */
  static Location of(JsonNodePath nodePath) {
    Location location = ROOT;
    for (int i = 0; i < nodePath.getNameCount(); i++) {
      Object element = nodePath.getElement(i);
      location = element instanceof Integer index
          ? location.index(index)
          : location.property(String.valueOf(element));
    }
    return location;
  }
}
