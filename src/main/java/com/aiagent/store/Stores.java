package com.aiagent.store;

import com.aiagent.config.AppConfig;
import com.aiagent.store.memory.MemoryStores;
import com.aiagent.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** The stores one process works with, chosen by configuration. */
public record Stores(
    CatalogStore catalog,
    VectorStore vectors,
    GraphStore graph,
    PostStore posts,
    EventStore events,
    FeedStore feed,
    StoreAdmin admin,
    MediaStore media) {
  /** The stores {@code config} asks for; PostgreSQL ones are checked to be reachable. */
  public static Future<Stores> open(Vertx vertx, AppConfig config) {
    return config.usesPostgres()
        ? PgStores.create(vertx, config)
        : Future.succeededFuture(inMemory(new FolderMediaStore(vertx, config.media().dir())));
  }

  public static Stores inMemory(MediaStore media) {
    return MemoryStores.create(media);
  }
}
