package dev.mcpkit.server;

import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Resources.BlobResourceContents;
import dev.mcpkit.core.schema.Resources.Resource;
import dev.mcpkit.core.schema.Resources.ResourceTemplate;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A resource a server offers: a fixed URI ({@link #builder(String)}) or a URI template whose
 * variables a client fills in ({@link #template(String)}, RFC 6570 {@code {var}} and {@code
 * {+var}}), with the reader that produces its contents. Immutable.
 */
public final class ResourceDefinition {
  private final String uri;
  private final boolean template;
  private final String name;
  private final String title;
  private final String description;
  private final String mimeType;
  private final List<Icon> icons;
  private final ResourceReader reader;

  private ResourceDefinition(Builder b) {
    this.uri = b.uri;
    this.template = b.template;
    this.name = b.name;
    this.title = b.title;
    this.description = b.description;
    this.mimeType = b.mimeType;
    this.icons = b.icons;
    this.reader = b.reader;
  }

  /** A resource at a fixed URI. */
  public static Builder builder(String uri) {
    return new Builder(uri, false);
  }

  /** Resources whose URIs match {@code uriTemplate}, e.g. {@code file:///logs/{date}}. */
  public static Builder template(String uriTemplate) {
    return new Builder(uriTemplate, true);
  }

  /** The URI, or the URI template. */
  public String uri() {
    return uri;
  }

  public boolean isTemplate() {
    return template;
  }

  public String name() {
    return name;
  }

  public ResourceReader reader() {
    return reader;
  }

  /** As {@code resources/list} shows it (fixed resources only). */
  public Resource resource() {
    return new Resource(uri, name, title, description, mimeType, null, null, icons, null, null);
  }

  /** As {@code resources/templates/list} shows it (templates only). */
  public ResourceTemplate resourceTemplate() {
    return new ResourceTemplate(uri, name, title, description, mimeType, null, icons, null, null);
  }

  @Override
  public String toString() {
    return "ResourceDefinition[" + uri + "]";
  }

  /** Builds a {@link ResourceDefinition}; a name and a reader (or fixed content) are required. */
  public static final class Builder {
    private final String uri;
    private final boolean template;
    private String name;
    private String title;
    private String description;
    private String mimeType;
    private List<Icon> icons;
    private ResourceReader reader;

    private Builder(String uri, boolean template) {
      this.uri = uri;
      this.template = template;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder mimeType(String mimeType) {
      this.mimeType = mimeType;
      return this;
    }

    public Builder icons(Icon... icons) {
      this.icons = List.of(icons);
      return this;
    }

    public Builder reader(ResourceReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /** Fixed text content (for a fixed URI). */
    public Builder text(String text) {
      Objects.requireNonNull(text, "text");
      this.reader = (u, vars, ctx) -> List.of(new TextResourceContents(u, mimeType, text));
      return this;
    }

    /** Fixed binary content, sent base64-encoded (for a fixed URI). */
    public Builder blob(byte[] bytes) {
      String b64 = Base64.getEncoder().encodeToString(bytes);
      this.reader = (u, vars, ctx) -> List.of(new BlobResourceContents(u, mimeType, b64));
      return this;
    }

    /** @throws IllegalArgumentException naming the resource and what is missing */
    public ResourceDefinition build() {
      String what = template ? "resource template" : "resource";
      if (uri == null || uri.isBlank()) {
        throw new IllegalArgumentException("a " + what + " needs a URI");
      }
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException(what + " '" + uri + "': a name is required");
      }
      if (reader == null) {
        throw new IllegalStateException(what + " '" + uri + "': no content; call reader(...),"
            + " text(...) or blob(...)");
      }
      if (template && !uri.contains("{")) {
        throw new IllegalArgumentException("resource template '" + uri + "' has no {variable};"
            + " use ResourceDefinition.builder(uri) for a fixed URI");
      }
      return new ResourceDefinition(this);
    }
  }
}
