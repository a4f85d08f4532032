package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The feed store contract on PostgreSQL with the graph in the test Neo4j. */
@Tag("services")
class Neo4jFeedStoreTest extends FeedStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.neo4j();
  }
}
