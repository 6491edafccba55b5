/** Implementation details of the JSON configuration; not part of the API. */
package dev.mcpkit.core.json.internal;
