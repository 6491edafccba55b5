package dev.mcpkit.core.jsonschema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A stand-in for declaration {@code @Nullable} annotations of other libraries (like
 * jakarta.annotation.Nullable), which RecordSchema finds by simple name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@interface Nullable {}
