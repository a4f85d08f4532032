package com.aiagent.store.pg;

import com.aiagent.config.AppConfig;
import com.aiagent.store.Dataset;
import com.aiagent.store.GraphStore;
import com.aiagent.store.ItemType;
import com.aiagent.store.StoreAdmin;
import com.aiagent.store.StoredModel;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrations from {@code scripts/migration_NNN.sql} (packaged as {@code db/}), recorded in {@code
 * schema_migrations}; seeding under a PostgreSQL advisory lock, so instances starting together seed
 * once; and the queries that keep embeddings in one model.
 */
public final class PgStoreAdmin implements StoreAdmin {
  private static final Logger LOG = LoggerFactory.getLogger(PgStoreAdmin.class);
  private static final String MIGRATION = "db/migration_%03d.sql";

  private final Vertx vertx;
  private final Pool pool;
  private final long lockKey;
  private final long lockTimeoutMs;
  private final long lockRetryMs;
  private final Pool feedPool;
  private final Pool feedReads;
  private final GraphStore graph;
  private final VectorStore vectors;

  /**
   * {@code graph}: migrated after the tables and closed with the pools (a driver of its own), as
   * {@code vectors} is closed (a search index's client).
   */
  PgStoreAdmin(
      Vertx vertx,
      Pool pool,
      AppConfig.Seed seed,
      Pool feedPool,
      Pool feedReads,
      GraphStore graph,
      VectorStore vectors) {
    this.vertx = vertx;
    this.pool = pool;
    this.lockKey = seed.advisoryLockKey();
    this.lockTimeoutMs = seed.lockTimeoutMs();
    this.lockRetryMs = seed.lockRetryMs();
    this.feedPool = feedPool;
    this.feedReads = feedReads;
    this.graph = graph;
    this.vectors = vectors;
  }

  @Override
  public Future<Void> migrate() {
    // The scripts come off the class path on a worker thread, not on the event loop.
    return vertx
        .executeBlocking(PgStoreAdmin::scripts, false)
        .compose(
            scripts ->
                pool.withConnection(
                    conn ->
                        conn.query(SqlQueries.CREATE_MIGRATIONS_TABLE)
                            .execute()
                            .compose(v -> conn.query(SqlQueries.APPLIED_MIGRATIONS).execute())
                            .compose(
                                rows -> {
                                  Set<Integer> applied =
                                      new HashSet<>(PgRows.list(rows, r -> r.getInteger(0)));
                                  Future<Void> chain = Future.succeededFuture();
                                  for (int i = 0; i < scripts.size(); i++) {
                                    int version = i + 1;
                                    String sql = scripts.get(i);
                                    if (!applied.contains(version)) {
                                      chain = chain.compose(v -> apply(conn, version, sql));
                                    }
                                  }
                                  return chain;
                                })))
        .compose(v -> graph.migrate());
  }

  /** migration_001.sql, migration_002.sql, ... in order, up to the first one missing. */
  private static List<String> scripts() {
    List<String> scripts = new ArrayList<>();
    for (int version = 1; resourceExists(version); version++) {
      scripts.add(readResource(String.format(MIGRATION, version)));
    }
    return scripts;
  }

  private Future<Void> apply(SqlConnection conn, int version, String sql) {
    String name = String.format(MIGRATION, version);
    return conn.begin()
        .compose(
            tx ->
                // A migration may build indexes over large tables: no statement timeout for it.
                conn.query(SqlQueries.NO_STATEMENT_TIMEOUT)
                    .execute()
                    .compose(v -> conn.query(sql).execute())
                    .compose(
                        v ->
                            conn.preparedQuery(SqlQueries.RECORD_MIGRATION)
                                .execute(Tuple.of(version, name)))
                    .compose(v -> tx.commit())
                    .onFailure(e -> tx.rollback()))
        .onSuccess(v -> LOG.info("applied migration {}", name));
  }

  private static boolean resourceExists(int version) {
    return PgStoreAdmin.class.getClassLoader().getResource(String.format(MIGRATION, version))
        != null;
  }

  private static String readResource(String name) {
    try (InputStream in = PgStoreAdmin.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Holds a session-level advisory lock on one connection while {@code work} runs on others. The
   * lock is tried every {@code seed.lock_retry_ms} (a waiting session would hold its connection and
   * never time out); after {@code seed.lock_timeout_ms} without it, fails saying who to look for.
   */
  @Override
  public <T> Future<T> exclusively(Supplier<Future<T>> work) {
    long deadline = System.nanoTime() + lockTimeoutMs * 1_000_000;
    return pool.getConnection()
        .compose(
            conn ->
                lock(conn, deadline)
                    .compose(
                        v ->
                            work.get()
                                .eventually(
                                    () ->
                                        conn.preparedQuery(SqlQueries.ADVISORY_UNLOCK)
                                            .execute(Tuple.of(lockKey))))
                    .eventually(conn::close));
  }

  private Future<Void> lock(SqlConnection conn, long deadline) {
    return conn.preparedQuery(SqlQueries.ADVISORY_TRY_LOCK)
        .execute(Tuple.of(lockKey))
        .compose(
            rows -> {
              if (rows.iterator().next().getBoolean(0)) {
                return Future.succeededFuture();
              }
              long left = (deadline - System.nanoTime()) / 1_000_000;
              if (left <= 0) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "another session has held the seed lock (pg advisory lock "
                            + lockKey
                            + ") for over "
                            + lockTimeoutMs
                            + " ms (seed.lock_timeout_ms, SEED_LOCK_TIMEOUT_MS): another instance"
                            + " is still seeding or migrating, or a session is stuck; see pg_locks"
                            + " WHERE locktype = 'advisory'"));
              }
              return vertx
                  .timer(Math.min(lockRetryMs, left))
                  .compose(fired -> lock(conn, deadline));
            });
  }

  @Override
  public Future<Void> load(Dataset data) {
    Map<String, VectorEntry> vectors =
        data.vectors().stream().collect(Collectors.toMap(VectorEntry::id, Function.identity()));
    return pool.withTransaction(
        conn ->
            batch(
                    conn,
                    SqlQueries.UPSERT_CATEGORY,
                    data.categories().stream().map(PgRows::categoryParams).toList())
                .compose(
                    v ->
                        batch(
                            conn,
                            SqlQueries.UPSERT_USER,
                            data.users().stream()
                                .map(
                                    u ->
                                        PgRows.userParams(
                                            u, vector(vectors, u.id()), model(vectors, u.id())))
                                .toList()))
                .compose(
                    v ->
                        batch(
                            conn,
                            SqlQueries.UPSERT_PRODUCT,
                            data.products().stream()
                                .map(
                                    p ->
                                        PgRows.productParams(
                                            p, vector(vectors, p.id()), model(vectors, p.id())))
                                .toList()))
                .compose(
                    v ->
                        batch(
                            conn,
                            SqlQueries.UPSERT_CONTENT,
                            data.contents().stream()
                                .map(
                                    c ->
                                        PgRows.contentParams(
                                            c, vector(vectors, c.id()), model(vectors, c.id())))
                                .toList()))
                .compose(
                    v ->
                        batch(
                            conn,
                            SqlQueries.UPSERT_CAMPAIGN,
                            data.campaigns().stream()
                                .map(
                                    c ->
                                        PgRows.campaignParams(
                                            c, vector(vectors, c.id()), model(vectors, c.id())))
                                .toList())));
  }

  private static float[] vector(Map<String, VectorEntry> vectors, String id) {
    VectorEntry entry = vectors.get(id);
    return entry == null ? null : entry.vector();
  }

  private static String model(Map<String, VectorEntry> vectors, String id) {
    VectorEntry entry = vectors.get(id);
    return entry == null ? null : entry.model();
  }

  private static Future<Void> batch(SqlConnection conn, String sql, List<Tuple> params) {
    return params.isEmpty()
        ? Future.succeededFuture()
        : conn.preparedQuery(sql).executeBatch(params).mapEmpty();
  }

  @Override
  public Future<List<StoredModel>> storedModels() {
    List<Future<List<StoredModel>>> perType = new ArrayList<>();
    for (ItemType type : ItemType.values()) {
      perType.add(
          pool.query(SqlQueries.storedModels(type))
              .execute()
              .map(
                  rows ->
                      PgRows.list(
                          rows,
                          r ->
                              new StoredModel(
                                  type, r.getString(0), r.getInteger(1), r.getLong(2)))));
    }
    return Future.all(perType)
        .map(all -> perType.stream().flatMap(f -> f.result().stream()).toList());
  }

  @Override
  public Future<List<String>> staleEmbeddings(
      ItemType type, String model, String after, int limit) {
    return pool.preparedQuery(SqlQueries.staleEmbeddings(type))
        .execute(Tuple.of(model, after == null ? "" : after, limit))
        .map(rows -> PgRows.list(rows, r -> r.getString(0)));
  }

  @Override
  public Future<Void> flagAllForReembedding() {
    return pool.withTransaction(
        conn -> {
          // An admin command over whole tables: the request-path statement timeout is not its.
          Future<Void> chain = conn.query(SqlQueries.NO_STATEMENT_TIMEOUT).execute().mapEmpty();
          for (ItemType type : ItemType.values()) {
            chain =
                chain.compose(
                    v -> conn.query(SqlQueries.flagForReembedding(type)).execute().mapEmpty());
          }
          return chain;
        });
  }

  @Override
  public Future<Void> close() {
    return Future.join(
            pool.close(), feedPool.close(), feedReads.close(), graph.close(), vectors.close())
        .mapEmpty();
  }
}
