package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The catalogue contract on PostgreSQL, in a seeded database of its own. */
@Tag("services")
class PgCatalogStoreTest extends CatalogStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.postgres();
  }
}
