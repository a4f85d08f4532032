package com.aiagent.store.pg;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FolderMediaStore;
import com.aiagent.store.MediaStore;
import com.aiagent.store.Stores;
import com.aiagent.store.memory.MemoryGraphStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the PostgreSQL stores on one connection pool. */
public final class PgStores {
  private static final Logger LOG = LoggerFactory.getLogger(PgStores.class);

  private PgStores() {}

  public static PgConnectOptions connectOptions(AppConfig.Postgres config) {
    // A host starting with "/" is a Unix socket directory (Cloud SQL: /cloudsql/PROJECT:REGION:ID).
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(config.host())
            .setPort(config.port())
            .setDatabase(config.database())
            .setUser(config.user())
            .setSslMode(SslMode.of(config.sslMode()))
            .setCachePreparedStatements(true);
    if (config.password() != null) {
      options.setPassword(config.password());
    }
    return options;
  }

  public static Pool pool(Vertx vertx, AppConfig.Postgres config) {
    String searchOptions = String.format(SqlQueries.SET_SEARCH_OPTIONS, config.efSearch());
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.poolSize()).setName("ai-agent-pg"))
        .connectingTo(connectOptions(config))
        .withConnectHandler(
            conn ->
                conn.query(searchOptions)
                    .execute()
                    .onFailure(
                        e ->
                            LOG.error(
                                "PostgreSQL session settings failed ({}): vector search falls back to server defaults",
                                e.getMessage()))
                    .onComplete(done -> conn.close()))
        .using(vertx)
        .build();
  }

  /**
   * The catalog, generated posts and vectors live together in PostgreSQL when the vector store is
   * PostgreSQL; the graph follows {@code stores.graph}. Checks the connection before returning.
   */
  public static Future<Stores> create(Vertx vertx, AppConfig config) {
    Pool pool = pool(vertx, config.postgres());
    boolean pgVectors = config.stores().vector() == AppConfig.StoreKind.POSTGRES;
    boolean pgGraph = config.stores().graph() == AppConfig.StoreKind.POSTGRES;
    MediaStore media =
        "postgres".equals(config.media().store())
            ? new PgMediaStore(pool, "image/webp")
            : new FolderMediaStore(vertx, config.media().dir());
    Stores memory = Stores.inMemory(media);
    Stores stores =
        new Stores(
            pgVectors ? new PgCatalogStore(pool) : memory.catalog(),
            pgVectors ? new PgVectorStore(pool) : memory.vectors(),
            pgGraph ? new PgGraphStore(pool) : new MemoryGraphStore(),
            pgVectors ? new PgPostStore(pool) : memory.posts(),
            pgVectors
                ? new PgStoreAdmin(vertx, pool, config.seed().advisoryLockKey())
                : memory.admin(),
            media);
    return pool.query("SELECT 1")
        .execute()
        .map(stores)
        .recover(
            error -> {
              pool.close();
              return Future.failedFuture(
                  new IllegalStateException(
                      "PostgreSQL at "
                          + config.postgres().host()
                          + ":"
                          + config.postgres().port()
                          + "/"
                          + config.postgres().database()
                          + " is not reachable: "
                          + error.getMessage()));
            });
  }
}
