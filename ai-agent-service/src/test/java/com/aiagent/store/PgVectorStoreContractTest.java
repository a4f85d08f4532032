package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The vector-store contract on pgvector, in a seeded database of its own. */
@Tag("services")
class PgVectorStoreContractTest extends VectorStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.postgres();
  }
}
