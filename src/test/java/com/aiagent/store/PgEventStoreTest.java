package com.aiagent.store;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Tag;

/** The event store contract on PostgreSQL + pgvector, in a seeded database of its own. */
@Tag("services")
class PgEventStoreTest extends EventStoreContract {
  private PgTestDatabase db;
  private Vertx vertx;
  private TestApp app;

  @Override
  protected Stores openStores() throws Exception {
    db = new PgTestDatabase();
    vertx = Vertx.vertx();
    app = TestApp.create(db.env());
    await(app.start(vertx));
    return app.stores;
  }

  @Override
  protected void closeStores() throws Exception {
    try {
      await(app.stop());
      await(vertx.close());
    } finally {
      db.close();
    }
  }
}
