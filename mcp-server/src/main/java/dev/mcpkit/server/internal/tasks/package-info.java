/** The in-memory task store (not API). */
package dev.mcpkit.server.internal.tasks;
