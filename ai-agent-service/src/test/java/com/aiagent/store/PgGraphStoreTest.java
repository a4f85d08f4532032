package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The graph store contract as the PostgreSQL edge table, in a seeded database of its own. */
@Tag("services")
class PgGraphStoreTest extends GraphStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.postgres();
  }
}
