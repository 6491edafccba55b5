/** Figures of the PostgreSQL stores: approvals across instances, audit appends, session calls. */
package dev.mcpkit.benchmarks.postgres;
