package com.aiagent.store;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stores of a started service holding the seeded demo data, for the store contract suites: in
 * memory (the embedded default) or in a PostgreSQL database of their own, dropped on close.
 */
final class SeededStores implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final PgTestDatabase db;
  private final TestApp app;

  private SeededStores(PgTestDatabase db) throws Exception {
    this.db = db;
    this.app = TestApp.create(db == null ? Map.of() : db.env());
    await(app.start(vertx));
  }

  static SeededStores memory() throws Exception {
    return new SeededStores(null);
  }

  static SeededStores postgres() throws Exception {
    return new SeededStores(new PgTestDatabase());
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
