package dev.mcpkit.core.json.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.io.IOException;
import java.util.List;

/**
 * Writes the most common tool result, text blocks with nothing else on them, without the bean
 * serializer's reflection (an accessor call per component and per any-getter); every other
 * result goes to the serializer Jackson built, so the output is the same byte for byte either
 * way (a test compares the two). Registered on {@code McpJson}'s mapper.
 */
public final class TextResults {
  private TextResults() {}

  /** The module that puts the quick writer in front of Jackson's for {@link CallToolResult}. */
  public static SimpleModule module() {
    SimpleModule module = new SimpleModule("mcpkit-text-results");
    module.setSerializerModifier(new BeanSerializerModifier() {
      @Override
      @SuppressWarnings("unchecked")
      public JsonSerializer<?> modifySerializer(SerializationConfig config,
          BeanDescription description, JsonSerializer<?> serializer) {
        return description.getBeanClass() == CallToolResult.class
            ? new Writer((JsonSerializer<Object>) serializer) : serializer;
      }
    });
    return module;
  }

  /** Whether {@code result} is written by the quick path. */
  static boolean quick(CallToolResult result) {
    if (!result.extra().isEmpty()) {
      return false;
    }
    List<Content.ContentBlock> content = result.content();
    for (int i = 0, n = content.size(); i < n; i++) {
      if (!(content.get(i) instanceof Content.Text text) || text.annotations() != null
          || text.meta() != null || !text.extra().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code value} when it is a tool result of text blocks and nothing that needs a
   * serializer (no structured content, no {@code _meta}), as the mapper would; false, having
   * written nothing, for anything else.
   */
  public static boolean writePlain(Object value, JsonGenerator gen) throws IOException {
    if (!(value instanceof CallToolResult result) || result.structuredContent() != null
        || result.meta() != null || !quick(result)) {
      return false;
    }
    write(result, gen, null);
    return true;
  }

  /** The quick path's output; {@code provider} is only used for structured content and meta. */
  private static void write(CallToolResult value, JsonGenerator gen, SerializerProvider provider)
      throws IOException {
    gen.writeStartObject(value);
    gen.writeArrayFieldStart("content");
    List<Content.ContentBlock> content = value.content();
    for (int i = 0, n = content.size(); i < n; i++) {
      gen.writeStartObject();
      gen.writeStringField("type", Content.Text.TYPE);
      gen.writeStringField("text", ((Content.Text) content.get(i)).text());
      gen.writeEndObject();
    }
    gen.writeEndArray();
    if (value.structuredContent() != null) {
      gen.writeFieldName("structuredContent");
      provider.defaultSerializeValue(value.structuredContent(), gen);
    }
    if (value.isError() != null) {
      gen.writeBooleanField("isError", value.isError());
    }
    if (value.resultType() != null) {
      gen.writeStringField("resultType", value.resultType());
    }
    if (value.meta() != null) {
      gen.writeFieldName("_meta");
      provider.defaultSerializeValue(value.meta(), gen);
    }
    gen.writeEndObject();
  }

  private static final class Writer extends StdSerializer<CallToolResult>
      implements ResolvableSerializer, ContextualSerializer {
    private final JsonSerializer<Object> general;

    Writer(JsonSerializer<Object> general) {
      super(CallToolResult.class);
      this.general = general;
    }

    @Override
    public void resolve(SerializerProvider provider) throws com.fasterxml.jackson.databind
        .JsonMappingException {
      if (general instanceof ResolvableSerializer resolvable) {
        resolvable.resolve(provider);
      }
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws com.fasterxml.jackson.databind.JsonMappingException {
      if (general instanceof ContextualSerializer contextual) {
        JsonSerializer<?> made = contextual.createContextual(provider, property);
        if (made != general) {
          return new Writer((JsonSerializer<Object>) made);
        }
      }
      return this;
    }

    @Override
    public void serialize(CallToolResult value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      if (!quick(value)) {
        general.serialize(value, gen, provider);
        return;
      }
      write(value, gen, provider);
    }

    @Override
    public void serializeWithType(CallToolResult value, JsonGenerator gen,
        SerializerProvider provider, TypeSerializer typeSer) throws IOException {
      general.serializeWithType(value, gen, provider, typeSer);
    }
  }
}
