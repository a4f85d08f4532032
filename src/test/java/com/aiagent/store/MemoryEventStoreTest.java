package com.aiagent.store;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;

/** The event store contract on the in-memory stores (the embedded default), seeded. */
class MemoryEventStoreTest extends EventStoreContract {
  private Vertx vertx;
  private TestApp app;

  @Override
  protected Stores openStores() throws Exception {
    vertx = Vertx.vertx();
    app = TestApp.create();
    await(app.start(vertx));
    return app.stores;
  }

  @Override
  protected void closeStores() throws Exception {
    try {
      await(app.stop());
    } finally {
      await(vertx.close());
    }
  }
}
