/**
 * What a host implements to keep governance state and the activity log in its own systems: the
 * {@link dev.mcpkit.policy.spi.Directory}, the registry, sharing, connector, connection and approval
 * stores, the audit sink with its query side, and the tool catalogue store. Each is a small interface whose javadoc states its
 * thread-safety and failure behaviour, with an in-memory default here and an abstract contract test in
 * the module's test jar ({@code dev.mcpkit.policy.spi.*Contract}) that an implementation extends.
 */
package dev.mcpkit.policy.spi;
