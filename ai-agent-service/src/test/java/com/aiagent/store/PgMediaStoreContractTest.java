package com.aiagent.store;

import com.aiagent.PgTestDatabase;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.pg.PgStores;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/** The media store contract on the PostgreSQL media table, in a database of its own. */
@Tag("services")
class PgMediaStoreContractTest extends MediaStoreContract {
  private PgTestDatabase db;
  private Stores stores;

  @Override
  protected MediaStore open(Map<String, String> retention) throws Exception {
    db = new PgTestDatabase();
    Map<String, String> env = new HashMap<>(db.env());
    env.put("MEDIA_STORE", "postgres");
    env.putAll(retention);
    stores = await(PgStores.create(vertx, ConfigLoader.load(env)));
    await(stores.admin().migrate());
    await(stores.media().open());
    return stores.media();
  }

  @Override
  protected void backdate(String name, Instant at) {
    db.sql("UPDATE media SET created_at = $1 WHERE name = $2", at.atOffset(ZoneOffset.UTC), name);
  }

  @Override
  protected void closeStore() throws Exception {
    if (stores != null) {
      await(stores.admin().close());
    }
    if (db != null) {
      db.close();
    }
  }
}
