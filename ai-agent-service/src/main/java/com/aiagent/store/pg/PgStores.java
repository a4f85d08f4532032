package com.aiagent.store.pg;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FolderMediaStore;
import com.aiagent.store.GraphStore;
import com.aiagent.store.MediaStore;
import com.aiagent.store.Stores;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the PostgreSQL stores on two connection pools. Every session carries the configured
 * statement and idle-in-transaction timeouts (as startup parameters, so a connection without them
 * never reaches a store), and every pool bounds the requests waiting for a connection.
 */
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
            .setCachePreparedStatements(true)
            .addProperty("statement_timeout", String.valueOf(config.statementTimeoutMs()))
            .addProperty(
                "idle_in_transaction_session_timeout",
                String.valueOf(config.idleInTransactionTimeoutMs()));
    if (config.password() != null) {
      options.setPassword(config.password());
    }
    return options;
  }

  public static Pool pool(Vertx vertx, AppConfig.Postgres config) {
    return pool(
        vertx,
        config,
        "ai-agent-pg",
        config.poolSize(),
        String.format(SqlQueries.SET_SEARCH_OPTIONS, config.efSearch()));
  }

  private static Pool pool(
      Vertx vertx, AppConfig.Postgres config, String name, int size, String searchOptions) {
    return PgBuilder.pool()
        .with(
            new PoolOptions()
                .setMaxSize(size)
                .setMaxWaitQueueSize(config.maxWaitQueue())
                .setName(name))
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
   * Every store in PostgreSQL (the configuration allows no mix with in-memory ones): one pool for
   * the catalog, vectors, graph, events and posts, and two for the feed: builds, whose sessions
   * search HNSW at the feed's own {@code ef_search}, and per-page reads. Checks the connection
   * before returning.
   */
  /**
   * What lives beside the PostgreSQL stores: a graph of its own ({@code graph}, Neo4j), an index
   * answering the vectors' searches ({@code searchIndex} wraps the vector store), a picture store
   * ({@code media}, Cloud Storage); null (identity for the index) where PostgreSQL keeps it.
   */
  public record Beside(GraphStore graph, UnaryOperator<VectorStore> searchIndex, MediaStore media) {
    public static final Beside NONE = new Beside(null, UnaryOperator.identity(), null);
  }

  public static Future<Stores> create(Vertx vertx, AppConfig config) {
    return create(vertx, config, Beside.NONE);
  }

  /**
   * As {@link #create(Vertx, AppConfig)}, with what {@code beside} names instead of PostgreSQL's
   * own: a separate graph is asked for the feed's signals, takes the events' edges, and is migrated
   * and closed with the stores; a search index is closed with them too.
   */
  public static Future<Stores> create(Vertx vertx, AppConfig config, Beside beside) {
    GraphStore separateGraph = beside.graph();
    Pool pool = pool(vertx, config.postgres());
    Pool feedPool =
        pool(
            vertx,
            config.postgres(),
            "ai-agent-pg-feed",
            config.feed().poolSize(),
            String.format(FeedSql.SESSION, config.feed().efSearch()));
    Pool feedReads =
        pool(
            vertx,
            config.postgres(),
            "ai-agent-pg-feed-reads",
            config.feed().poolSize(),
            FeedSql.READ_SESSION);
    MediaStore media =
        beside.media() != null
            ? beside.media()
            : "postgres".equals(config.media().store())
                ? new PgMediaStore(pool, "image/webp", config.retention())
                : new FolderMediaStore(vertx, config.media().dir(), config.retention());
    GraphStore graph = separateGraph == null ? new PgGraphStore(pool) : separateGraph;
    VectorStore vectors = beside.searchIndex().apply(new PgVectorStore(pool));
    Stores stores =
        new Stores(
            new PgCatalogStore(pool),
            vectors,
            graph,
            new PgPostStore(pool, config.retention()),
            new PgEventStore(pool, separateGraph),
            new PgFeedStore(
                feedPool,
                feedReads,
                separateGraph == null
                    ? null
                    : new PgFeedStore.SeparateGraph(
                        separateGraph,
                        config.stores().graph().name().toLowerCase(java.util.Locale.ROOT),
                        config.neo4j().timeoutMs(),
                        // Half the health check's wait: the feed's answer must beat it.
                        Math.min(config.neo4j().timeoutMs(), config.bus().healthTimeoutMs() / 2),
                        config.neo4j().followsChecked())),
            new PgStoreAdmin(vertx, pool, config.seed(), feedPool, feedReads, graph, vectors),
            media);
    return pool.query("SELECT 1")
        .execute()
        .map(stores)
        .recover(
            error -> {
              pool.close();
              feedPool.close();
              feedReads.close();
              graph.close();
              vectors.close();
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
