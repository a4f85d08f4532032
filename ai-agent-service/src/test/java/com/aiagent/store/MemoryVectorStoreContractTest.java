package com.aiagent.store;

/** The vector-store contract on the in-memory store (the embedded default), seeded. */
class MemoryVectorStoreContractTest extends VectorStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.memory();
  }
}
