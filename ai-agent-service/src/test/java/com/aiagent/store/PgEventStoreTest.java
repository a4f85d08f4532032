package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The event store contract on PostgreSQL + pgvector, in a seeded database of its own. */
@Tag("services")
class PgEventStoreTest extends EventStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.postgres();
  }
}
