package dev.mcpkit.policy.spi;

class InMemoryApprovalStoreTest extends ApprovalStoreContract {
  @Override
  protected ApprovalStore newStore() {
    return new InMemoryApprovalStore();
  }
}
