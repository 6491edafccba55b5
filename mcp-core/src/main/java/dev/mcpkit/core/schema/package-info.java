/**
 * The MCP protocol types of every version (2024-11-05 to 2026-07-28), as records.
 *
 * <p>One final holder class per message family ({@link dev.mcpkit.core.schema.Tools}, {@link
 * dev.mcpkit.core.schema.Content}, {@link dev.mcpkit.core.schema.Lifecycle}, ...) nests records
 * named after the specification. Records carry the union of all versions' fields; {@code null}
 * means absent and is not written. Fields a record does not model are kept in its {@code extra()}
 * map and written back, so a message read and re-written loses nothing. Read and write them with
 * {@link dev.mcpkit.core.json.McpJson}.
 *
 * <p>What differs between versions lives in two places: {@link
 * dev.mcpkit.core.schema.ProtocolVersion} answers questions ("does this version have structured
 * content?"), and {@link dev.mcpkit.core.schema.ProtocolRevision} fits a serialised message to a
 * version before it is sent. Both are checked against the official schemas in the tests.
 */
package dev.mcpkit.core.schema;
