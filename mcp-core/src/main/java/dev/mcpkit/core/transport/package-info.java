/** The transport SPI (connect, then read and write whole messages) and an in-memory pair for tests. */
package dev.mcpkit.core.transport;
