package com.aiagent.store;

/** The graph store contract in memory. */
class MemoryGraphStoreTest extends GraphStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.memory();
  }
}
