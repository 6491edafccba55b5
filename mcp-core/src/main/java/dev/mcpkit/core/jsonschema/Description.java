package dev.mcpkit.core.jsonschema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text for the {@code description} of the schema {@link RecordSchema} derives: on a record
 * component it describes that property; on a record or enum type it describes the object (or
 * every property of that type that has no description of its own). Models read these, so say
 * what the value means and what units or conventions it uses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface Description {
  /** The description, in plain prose. */
  String value();
}
