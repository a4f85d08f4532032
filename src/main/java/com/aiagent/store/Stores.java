package com.aiagent.store;

import com.aiagent.store.memory.MemoryCatalogStore;
import com.aiagent.store.memory.MemoryGraphStore;
import com.aiagent.store.memory.MemoryPostStore;
import com.aiagent.store.memory.MemoryVectorStore;

/** The stores one process works with, chosen by configuration. */
public record Stores(CatalogStore catalog, VectorStore vectors, GraphStore graph, PostStore posts) {
  public static Stores inMemory() {
    return new Stores(
        new MemoryCatalogStore(),
        new MemoryVectorStore(),
        new MemoryGraphStore(),
        new MemoryPostStore());
  }
}
