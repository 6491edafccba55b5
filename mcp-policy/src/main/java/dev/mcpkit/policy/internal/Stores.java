package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.spi.ApprovalStore;
import dev.mcpkit.policy.spi.AuditSink;
import dev.mcpkit.policy.spi.ConnectionStore;
import dev.mcpkit.policy.spi.ConnectorStore;
import dev.mcpkit.policy.spi.Directory;
import dev.mcpkit.policy.spi.RegistryStore;
import dev.mcpkit.policy.spi.SharingStore;

/** The host's SPIs, wired once. */
public record Stores(
    Directory directory,
    RegistryStore registry,
    SharingStore sharing,
    ConnectorStore connectors,
    ConnectionStore connections,
    ApprovalStore approvals,
    AuditSink audit) {}
