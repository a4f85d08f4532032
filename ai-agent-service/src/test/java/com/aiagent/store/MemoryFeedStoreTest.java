package com.aiagent.store;

/** The feed store contract on the in-memory stores (the embedded default), seeded. */
class MemoryFeedStoreTest extends FeedStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.memory();
  }
}
