package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Principal;

class InMemoryDirectoryTest extends DirectoryContract {
  @Override
  protected Directory directoryWith(Principal... users) {
    InMemoryDirectory d = new InMemoryDirectory();
    for (Principal p : users) {
      d.put(p);
    }
    return d;
  }
}
