package com.aiagent.store;

/**
 * The stores one process works with. Which implementations fill it is decided by the application's
 * wiring ({@code com.aiagent.StoreWiring}), so this package never depends on its implementations.
 */
public record Stores(
    CatalogStore catalog,
    VectorStore vectors,
    GraphStore graph,
    PostStore posts,
    EventStore events,
    FeedStore feed,
    StoreAdmin admin,
    MediaStore media) {}
