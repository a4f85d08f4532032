package com.aiagent.store;

import com.aiagent.config.AppConfig;
import com.aiagent.store.memory.MemoryCatalogStore;
import com.aiagent.store.memory.MemoryGraphStore;
import com.aiagent.store.memory.MemoryPostStore;
import com.aiagent.store.memory.MemoryStoreAdmin;
import com.aiagent.store.memory.MemoryVectorStore;
import com.aiagent.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The stores one process works with, chosen by configuration. */
public record Stores(
    CatalogStore catalog,
    VectorStore vectors,
    GraphStore graph,
    PostStore posts,
    StoreAdmin admin,
    MediaStore media) {
  /** The stores {@code config} asks for; PostgreSQL ones are checked to be reachable. */
  public static Future<Stores> open(Vertx vertx, AppConfig config) {
    return config.usesPostgres()
        ? PgStores.create(vertx, config)
        : Future.succeededFuture(inMemory(new FolderMediaStore(vertx, config.media().dir())));
  }

  public static Stores inMemory(MediaStore media) {
    MemoryCatalogStore catalog = new MemoryCatalogStore();
    MemoryVectorStore vectors = new MemoryVectorStore();
    return new Stores(
        catalog,
        vectors,
        new MemoryGraphStore(),
        new MemoryPostStore(),
        new MemoryStoreAdmin(catalog, vectors),
        media);
  }
}
