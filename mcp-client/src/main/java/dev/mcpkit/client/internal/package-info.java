/** Implementation details of the client: not public API, may change in any release. */
package dev.mcpkit.client.internal;
