package com.aiagent;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FolderMediaStore;
import com.aiagent.store.GraphStore;
import com.aiagent.store.MediaStore;
import com.aiagent.store.Stores;
import com.aiagent.store.VectorIndexFeed;
import com.aiagent.store.VectorStore;
import com.aiagent.store.gcs.GcsMediaStore;
import com.aiagent.store.memory.MemoryStores;
import com.aiagent.store.neo4j.CachedGraphStore;
import com.aiagent.store.neo4j.Neo4jGraphStore;
import com.aiagent.store.pg.PgStores;
import com.aiagent.store.vectorsearch.VectorSearchStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import java.util.function.UnaryOperator;

/**
 * Chooses and builds the stores the configuration asks for: every store in PostgreSQL (the graph
 * possibly in Neo4j beside it, the vectors' searches possibly in Vertex AI Vector Search), or every
 * store in this process (the configuration refuses other mixes); pictures in the kind's own place
 * or in Cloud Storage. The only place outside the store module that names its implementations.
 */
public final class StoreWiring {
  private StoreWiring() {}

  /**
   * The stores {@code config} asks for; PostgreSQL and Neo4j are checked to be reachable, and a
   * separate vector index to be one these vectors fit.
   */
  public static Future<Stores> open(Vertx vertx, AppConfig config) {
    return build(vertx, config)
        .compose(
            stores ->
                stores.vectors() instanceof VectorIndexFeed index
                    ? index
                        .check()
                        .map(stores)
                        .recover(
                            error ->
                                stores
                                    .admin()
                                    .close()
                                    .transform(closed -> Future.failedFuture(error)))
                    : Future.succeededFuture(stores));
  }

  private static Future<Stores> build(Vertx vertx, AppConfig config) {
    UnaryOperator<VectorStore> searchIndex =
        config.usesVectorSearch()
            ? record -> VectorSearchStore.over(vertx, config, record)
            : UnaryOperator.identity();
    if (config.usesNeo4j()) {
      return Neo4jGraphStore.open(vertx, config.neo4j())
          .map(graph -> cached(vertx, config, graph))
          .compose(
              graph ->
                  PgStores.create(
                      vertx,
                      config,
                      new PgStores.Beside(graph, searchIndex, cloudMedia(vertx, config))));
    }
    if (config.usesPostgres()) {
      return PgStores.create(
          vertx, config, new PgStores.Beside(null, searchIndex, cloudMedia(vertx, config)));
    }
    MediaStore media = cloudMedia(vertx, config);
    return Future.succeededFuture(
        MemoryStores.create(
            vertx,
            config.retention(),
            media != null
                ? media
                : new FolderMediaStore(vertx, config.media().dir(), config.retention())));
  }

  /** The Cloud Storage media store when {@code media.store} is gcs; else null (the kind's own). */
  private static MediaStore cloudMedia(Vertx vertx, AppConfig config) {
    return "gcs".equals(config.media().store())
        ? new GcsMediaStore(vertx, config, "image/webp")
        : null;
  }

  /** The feed's graph reads through Redis when both Redis and {@code neo4j.cache_ttl_ms} say so. */
  private static GraphStore cached(Vertx vertx, AppConfig config, GraphStore graph) {
    if (!config.redis().enabled() || config.neo4j().cacheTtlMs() == 0) {
      return graph;
    }
    Redis redis =
        Redis.createClient(
            vertx,
            new RedisOptions()
                .setConnectionString(config.redis().url())
                .setMaxPoolSize(4)
                .setMaxPoolWaiting(256));
    return new CachedGraphStore(
        graph,
        redis,
        config.redis().keyPrefix(),
        config.neo4j().cacheTtlMs(),
        config.redis().commandTimeoutMs());
  }
}
