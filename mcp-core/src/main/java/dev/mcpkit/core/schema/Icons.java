package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Icons for implementations, tools, prompts and resources (2025-11-25 and later). */
public final class Icons {
  private Icons() {}

  /**
   * An icon: an {@code https:} or {@code data:} URI with optional MIME type, sizes (e.g. {@code
   * "48x48"}, {@code "any"}) and the theme it is meant for.
   */
  public record Icon(
      String src,
      String mimeType,
      List<String> sizes,
      Theme theme,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Icon {
      Immutable.required(src, "Icon.src");
      sizes = Immutable.list(sizes);
      extra = Immutable.extra(extra);
    }

    public Icon(String src, String mimeType) {
      this(src, mimeType, null, null, null);
    }
  }

  /** The background an icon is designed for. */
  public enum Theme {
    LIGHT("light"),
    DARK("dark");

    private final String wire;

    Theme(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static Theme fromWire(String value) {
      return WireEnums.parse(Theme.class, value, Theme::wire);
    }
  }
}
