package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The feed store contract on PostgreSQL + pgvector, in a seeded database of its own. */
@Tag("services")
class PgFeedStoreTest extends FeedStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.postgres();
  }
}
