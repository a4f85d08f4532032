package com.aiagent.store.memory;

import com.aiagent.config.AppConfig;
import com.aiagent.store.MediaStore;
import com.aiagent.store.Stores;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Every store in this process (the embedded default), sharing the maps they read together. */
public final class MemoryStores {
  private MemoryStores() {}

  public static Stores create(Vertx vertx, AppConfig.Retention retention, MediaStore media) {
    MemoryCatalogStore catalog = new MemoryCatalogStore();
    MemoryVectorStore vectors = new MemoryVectorStore(vertx);
    MemoryGraphStore graph = new MemoryGraphStore();
    MemoryActivity activity = new MemoryActivity();
    MemoryPostStore posts = new MemoryPostStore(retention, Clock.systemUTC());
    MemoryFeedStore feed = new MemoryFeedStore(catalog, vectors, graph, activity, posts);
    return new Stores(
        catalog,
        vectors,
        graph,
        posts,
        new MemoryEventStore(activity, vectors, graph, feed),
        feed,
        new MemoryStoreAdmin(catalog, vectors),
        media);
  }
}
