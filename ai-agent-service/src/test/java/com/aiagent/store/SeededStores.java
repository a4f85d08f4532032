package com.aiagent.store;

import com.aiagent.Neo4jTestGraph;
import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stores of a started service holding the seeded demo data, for the store contract suites: in
 * memory (the embedded default), in a PostgreSQL database of their own (dropped on close), or so
 * with the graph in the test Neo4j.
 */
final class SeededStores implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final PgTestDatabase db;
  private final TestApp app;

  private SeededStores(PgTestDatabase db) throws Exception {
    this(db, Map.of());
  }

  private SeededStores(PgTestDatabase db, Map<String, String> extra) throws Exception {
    this.db = db;
    Map<String, String> env = new HashMap<>(db == null ? Map.of() : db.env());
    env.putAll(extra);
    this.app = TestApp.create(env);
    await(app.start(vertx));
  }

  static SeededStores memory() throws Exception {
    return new SeededStores(null);
  }

  static SeededStores postgres() throws Exception {
    return new SeededStores(new PgTestDatabase());
  }

  /** PostgreSQL stores with the graph in the test Neo4j, wiped first so the seed fills it. */
  static SeededStores neo4j() throws Exception {
    Neo4jTestGraph.wipe();
    return new SeededStores(new PgTestDatabase(), Neo4jTestGraph.env());
  }

  /** PostgreSQL stores whose searches go to {@code index}, a Vector Search fake. */
  static SeededStores vectorSearch(FakeVectorSearchServer index) throws Exception {
    return vectorSearch(index, Map.of());
  }

  /** As {@link #vectorSearch(FakeVectorSearchServer)}, with {@code extra} variables too. */
  static SeededStores vectorSearch(FakeVectorSearchServer index, Map<String, String> extra)
      throws Exception {
    Map<String, String> env = new HashMap<>(index.env());
    env.putAll(extra);
    return new SeededStores(new PgTestDatabase(), env);
  }

  Stores stores() {
    return app.stores;
  }

  @Override
  public void close() throws Exception {
    try {
      await(app.stop());
      await(vertx.close());
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
