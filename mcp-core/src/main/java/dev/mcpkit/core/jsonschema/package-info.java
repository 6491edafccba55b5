/**
 * JSON Schema for MCP tools: validating tool arguments and structured results, checking a tool's
 * {@code inputSchema}/{@code outputSchema} at registration, and deriving schemas from records.
 *
 * <ul>
 *   <li>{@link dev.mcpkit.core.jsonschema.JsonSchemaValidator} validates instances against one
 *       compiled schema; its {@link dev.mcpkit.core.jsonschema.JsonSchemaValidator.Factory} is the
 *       SPI a host may replace. The standard factory speaks JSON Schema 2020-12 by default and
 *       2019-09, draft-07, draft-06 and draft-04 when {@code $schema} names them.
 *   <li>{@link dev.mcpkit.core.jsonschema.ToolSchemas} checks that a schema is usable as an MCP
 *       tool schema.
 *   <li>{@link dev.mcpkit.core.jsonschema.RecordSchema} derives a schema from a record and reads
 *       validated arguments into it (typed tools).
 * </ul>
 *
 * <p><b>No network, ever.</b> Meta-schemas come from the validator's jar; a {@code $ref} that
 * points outside the schema document (http, https, file, classpath, or a relative file) makes
 * the schema invalid at compile time, with a message saying to inline it under {@code $defs}.
 *
 * <p><b>Threading.</b> Factories and compiled validators are immutable and safe to share between
 * threads; compile once (at registration) and validate on every call.
 */
package dev.mcpkit.core.jsonschema;
