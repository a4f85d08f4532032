package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/** The event store contract on PostgreSQL with the graph in the test Neo4j. */
@Tag("services")
class Neo4jEventStoreTest extends EventStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.neo4j();
  }
}
