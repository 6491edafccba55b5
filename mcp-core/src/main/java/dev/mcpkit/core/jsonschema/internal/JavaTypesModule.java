package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Jackson support for the record component types plain jackson-databind rejects: {@code Optional}
 * and the java.time types {@link RecordSchemaDeriver} describes, written in the RFC 3339 forms
 * their schema formats require. A stand-in for jackson-datatype-jdk8 and -jsr310, which mcp-core
 * does not depend on; limited to exactly what typed tools need.
 */
final class JavaTypesModule extends SimpleModule {
  JavaTypesModule() {
    super("mcpkit-typed-tools");
    addDeserializer(Optional.class, new OptionalDeserializer(null));
    addSerializer(new OptionalSerializer());
    text(Instant.class, Instant::parse, DateTimeFormatter.ISO_INSTANT::format);
    text(OffsetDateTime.class, OffsetDateTime::parse, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
    text(ZonedDateTime.class, ZonedDateTime::parse, DateTimeFormatter.ISO_OFFSET_DATE_TIME::format);
    text(LocalDate.class, LocalDate::parse, DateTimeFormatter.ISO_LOCAL_DATE::format);
    text(LocalDateTime.class, LocalDateTime::parse, DateTimeFormatter.ISO_LOCAL_DATE_TIME::format);
    text(LocalTime.class, LocalTime::parse, DateTimeFormatter.ISO_LOCAL_TIME::format);
    text(OffsetTime.class, OffsetTime::parse, DateTimeFormatter.ISO_OFFSET_TIME::format);
    text(Duration.class, Duration::parse, Duration::toString);
  }

  private <T> void text(Class<T> type, Function<String, T> parse, Function<T, String> format) {
    addDeserializer(type, new TextDeserializer<>(type, parse));
    addSerializer(type, new TextSerializer<>(type, format));
  }

  /** A value written as one JSON string. */
  private static final class TextDeserializer<T> extends StdScalarDeserializer<T> {
    private final transient Function<String, T> parse;

    TextDeserializer(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (T) context.handleUnexpectedToken(handledType(), p);
      }
      String text = p.getText().trim();
      try {
        return parse.apply(text);
      } catch (DateTimeParseException e) {
        return (T) context.handleWeirdStringValue(handledType(), text, e.getMessage());
      }
    }
  }

  private static final class TextSerializer<T> extends StdSerializer<T> {
    private final transient Function<T, String> format;

    TextSerializer(Class<T> type, Function<T, String> format) {
      super(type);
      this.format = format;
    }

    @Override
    public void serialize(T value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(format.apply(value));
    }
  }

  /** Reads the content type from the property; absent or null reads as {@code empty()}. */
  private static final class OptionalDeserializer extends StdDeserializer<Optional<?>>
      implements ContextualDeserializer {
    private final transient JsonDeserializer<Object> content;

    OptionalDeserializer(JsonDeserializer<Object> content) {
      super(Optional.class);
      this.content = content;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context,
        BeanProperty property) throws com.fasterxml.jackson.databind.JsonMappingException {
      JavaType type = property != null ? property.getType() : context.getContextualType();
      JavaType contentType = type == null ? context.constructType(Object.class)
          : type.containedTypeOrUnknown(0);
      return new OptionalDeserializer(context.findContextualValueDeserializer(contentType,
          property));
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext context)
        throws IOException {
      return Optional.ofNullable(content.deserialize(p, context));
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext context) {
      return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return Optional.empty();
    }
  }

  /** Writes the content, or {@code null} for {@code empty()}. */
  private static final class OptionalSerializer extends StdSerializer<Optional<?>> {
    OptionalSerializer() {
      super(Optional.class, false);
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator generator,
        SerializerProvider provider) throws IOException {
      if (value.isPresent()) {
        provider.defaultSerializeValue(value.get(), generator);
      } else {
        generator.writeNull();
      }
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
      return value == null || value.isEmpty();
    }
  }
}
