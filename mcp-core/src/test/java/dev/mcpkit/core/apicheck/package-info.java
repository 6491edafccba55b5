/**
 * The public API snapshot check each published module runs as a test: {@link
 * dev.mcpkit.core.apicheck.ApiSnapshot}.
 */
package dev.mcpkit.core.apicheck;
