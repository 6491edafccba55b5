/** Implementation details of the engine; not part of the API. */
package dev.mcpkit.core.engine.internal;
