package dev.mcpkit.core.jsonschema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Holds a stand-in for type-use {@code @Nullable} annotations (like JSpecify's). */
final class TypeUse {
  private TypeUse() {}

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE_USE)
  @interface Nullable {}
}
