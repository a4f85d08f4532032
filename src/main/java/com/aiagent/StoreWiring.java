package com.aiagent;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FolderMediaStore;
import com.aiagent.store.Stores;
import com.aiagent.store.memory.MemoryStores;
import com.aiagent.store.neo4j.Neo4jGraphStore;
import com.aiagent.store.pg.PgStores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Chooses and builds the stores the configuration asks for: every store in PostgreSQL (the graph
 * possibly in Neo4j beside it), or every store in this process (the configuration refuses other
 * mixes). The only place outside the store module that names its implementations.
 */
public final class StoreWiring {
  private StoreWiring() {}

  /** The stores {@code config} asks for; PostgreSQL and Neo4j are checked to be reachable. */
  public static Future<Stores> open(Vertx vertx, AppConfig config) {
    if (config.usesNeo4j()) {
      return Neo4jGraphStore.open(vertx, config.neo4j())
          .compose(graph -> PgStores.create(vertx, config, graph));
    }
    return config.usesPostgres()
        ? PgStores.create(vertx, config)
        : Future.succeededFuture(
            MemoryStores.create(
                vertx,
                config.retention(),
                new FolderMediaStore(vertx, config.media().dir(), config.retention())));
  }
}
