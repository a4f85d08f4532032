package com.aiagent.store;

/** The catalogue contract on the in-memory stores (the embedded default), seeded. */
class MemoryCatalogStoreTest extends CatalogStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.memory();
  }
}
