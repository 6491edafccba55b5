/**
 * Implementation of {@code dev.mcpkit.core.jsonschema}: the networknt-backed validator factory,
 * problem messages, record schema derivation and the Jackson support typed tools need. Not API:
 * anything here may change in any release.
 */
package dev.mcpkit.core.jsonschema.internal;
