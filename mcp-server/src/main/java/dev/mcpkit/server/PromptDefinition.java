package dev.mcpkit.server;

import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Prompts.Prompt;
import dev.mcpkit.core.schema.Prompts.PromptArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A prompt a server offers: its arguments and the handler that renders it. Immutable. */
public final class PromptDefinition {
  private final Prompt prompt;
  private final PromptHandler handler;

  private PromptDefinition(Prompt prompt, PromptHandler handler) {
    this.prompt = prompt;
    this.handler = handler;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public String name() {
    return prompt.name();
  }

  /** As {@code prompts/list} shows it. */
  public Prompt prompt() {
    return prompt;
  }

  public PromptHandler handler() {
    return handler;
  }

  @Override
  public String toString() {
    return "PromptDefinition[" + prompt.name() + "]";
  }

  /** Builds a {@link PromptDefinition}; name, description and handler are required. */
  public static final class Builder {
    private final String name;
    private String title;
    private String description;
    private final List<PromptArgument> arguments = new ArrayList<>();
    private List<Icon> icons;
    private PromptHandler handler;

    private Builder(String name) {
      this.name = name;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** Declares an argument; required ones are checked before the handler runs. */
    public Builder argument(String argName, String argDescription, boolean required) {
      arguments.add(new PromptArgument(Objects.requireNonNull(argName, "argument name"),
          argDescription, required));
      return this;
    }

    public Builder icons(Icon... icons) {
      this.icons = List.of(icons);
      return this;
    }

    public Builder handler(PromptHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** @throws IllegalArgumentException naming the prompt and what is missing */
    public PromptDefinition build() {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a prompt needs a name");
      }
      if (description == null || description.isBlank()) {
        throw new IllegalArgumentException("prompt '" + name + "': a description is required");
      }
      if (handler == null) {
        throw new IllegalStateException("prompt '" + name + "': no handler; call handler(...)");
      }
      Prompt prompt = new Prompt(name, title, description,
          arguments.isEmpty() ? null : List.copyOf(arguments), icons, null, null);
      return new PromptDefinition(prompt, handler);
    }
  }
}
