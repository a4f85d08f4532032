package com.aiagent.store;

/** The event store contract on the in-memory stores (the embedded default), seeded. */
class MemoryEventStoreTest extends EventStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.memory();
  }
}
