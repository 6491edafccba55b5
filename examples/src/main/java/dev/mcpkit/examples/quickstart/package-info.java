/** The README's quickstarts as compiled code: a server with one tool, and a client that calls it. */
package dev.mcpkit.examples.quickstart;
