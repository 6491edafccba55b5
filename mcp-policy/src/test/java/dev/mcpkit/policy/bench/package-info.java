/** The governed-call overhead benchmark (JMH); kept out of the published test jar. */
package dev.mcpkit.policy.bench;
