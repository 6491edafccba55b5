/** How spans, metrics and trace propagation are done; not part of the API. */
package dev.mcpkit.opentelemetry.internal;
