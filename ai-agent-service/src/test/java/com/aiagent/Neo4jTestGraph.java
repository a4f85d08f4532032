package com.aiagent;

import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The Neo4j that scripts/test-services.sh runs for the tests (Bolt on 127.0.0.1:NEO4J_TEST_PORT,
 * 7687 by default, no auth). Community edition holds one user database, so a test that needs the
 * graph to start empty wipes it: the test server is the tests' alone.
 */
public final class Neo4jTestGraph {
  private Neo4jTestGraph() {}

  public static String uri() {
    return "bolt://127.0.0.1:" + System.getenv().getOrDefault("NEO4J_TEST_PORT", "7687");
  }

  /** What points the service's graph at the test server, over PostgreSQL stores. */
  public static Map<String, String> env() {
    return Map.of("GRAPH_DB", "neo4j", "NEO4J_URI", uri());
  }

  /** Deletes every node and edge; fails, naming the fix, when the server is not there. */
  public static void wipe() {
    try (Driver driver = GraphDatabase.driver(uri(), AuthTokens.none())) {
      try {
        driver.verifyConnectivity();
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "no Neo4j at " + uri() + ": run scripts/test-services.sh (it starts one)", e);
      }
      driver.executableQuery("MATCH (n) DETACH DELETE n").execute();
    }
  }
}
