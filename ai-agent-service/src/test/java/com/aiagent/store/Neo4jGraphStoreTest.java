package com.aiagent.store;

import org.junit.jupiter.api.Tag;

/**
 * The graph store contract in the test Neo4j (scripts/test-services.sh), beside a seeded PostgreSQL
 * database.
 */
@Tag("services")
class Neo4jGraphStoreTest extends GraphStoreContract {
  @Override
  protected SeededStores openStores() throws Exception {
    return SeededStores.neo4j();
  }
}
