package dev.mcpkit.core.jsonschema.internal;

import com.networknt.schema.JsonMetaSchema;
import java.util.Optional;

/** The JSON Schema dialects the standard factory supports, oldest last. */
enum Dialect {
  DRAFT_2020_12(JsonMetaSchema.getV202012()),
  DRAFT_2019_09(JsonMetaSchema.getV201909()),
  DRAFT_07(JsonMetaSchema.getV7()),
  DRAFT_06(JsonMetaSchema.getV6()),
  DRAFT_04(JsonMetaSchema.getV4());

  /** The dialect of a schema without {@code $schema}, as the MCP specification says. */
  static final Dialect DEFAULT = DRAFT_2020_12;

  final JsonMetaSchema metaSchema;

  Dialect(JsonMetaSchema metaSchema) {
    this.metaSchema = metaSchema;
  }

  /** The canonical meta-schema IRI, exactly as the library (and the specification) spells it. */
  String iri() {
    return metaSchema.getIri();
  }

  /**
   * The dialect a {@code $schema} value names. Tolerates the common misspellings that still name
   * a dialect unambiguously: http for https and back, and a missing or extra empty fragment.
   */
  static Optional<Dialect> forIri(String iri) {
    String key = key(iri);
    for (Dialect dialect : values()) {
      if (key(dialect.iri()).equals(key)) {
        return Optional.of(dialect);
      }
    }
    return Optional.empty();
  }

  private static String key(String iri) {
    String key = iri.trim();
    if (key.endsWith("#")) {
      key = key.substring(0, key.length() - 1);
    }
    if (key.startsWith("https://")) {
      key = key.substring("https://".length());
    } else if (key.startsWith("http://")) {
      key = key.substring("http://".length());
    }
    return key;
  }
}
