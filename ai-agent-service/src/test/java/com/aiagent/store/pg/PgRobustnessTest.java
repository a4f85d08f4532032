package com.aiagent.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.PgTestDatabase;
import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.ItemType;
import com.aiagent.store.MediaStore;
import com.aiagent.store.PostStore;
import com.aiagent.store.StoredPost;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL stores under pressure: bounded pools, timed-out statements and sessions, a seed
 * lock that is not waited on forever, retention of generated rows, re-embedding paged by key.
 */
@Tag("services")
class PgRobustnessTest {
  private PgTestDatabase db;
  private Vertx vertx;
  private final List<Pool> pools = new ArrayList<>();
  private Stores stores;

  @BeforeEach
  void createDatabase() {
    db = new PgTestDatabase();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (stores != null) {
      await(stores.admin().close());
    }
    for (Pool pool : pools) {
      await(pool.close());
    }
    await(vertx.close());
    db.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private AppConfig config(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(db.env());
    env.putAll(extra);
    return ConfigLoader.load(env);
  }

  private Pool pool(Map<String, String> extra) {
    Pool pool = PgStores.pool(vertx, config(extra).postgres());
    pools.add(pool);
    return pool;
  }

  private Stores migratedStores(Map<String, String> extra) throws Exception {
    stores = await(PgStores.create(vertx, config(extra)));
    await(stores.admin().migrate());
    return stores;
  }

  @Test
  void everySessionEndsLongStatementsAndIdleTransactions() throws Exception {
    Pool pool =
        pool(Map.of("DB_STATEMENT_TIMEOUT_MS", "300", "DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", "400"));
    assertThat(show(pool, "statement_timeout")).isEqualTo("300ms");
    assertThat(show(pool, "idle_in_transaction_session_timeout")).isEqualTo("400ms");

    long started = System.nanoTime();
    assertThatThrownBy(() -> await(pool.query("SELECT pg_sleep(5)").execute()))
        .hasMessageContaining("statement timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));

    SqlConnection conn = await(pool.getConnection());
    try {
      await(conn.query("BEGIN").execute());
      await(vertx.timer(1_000));
      assertThatThrownBy(() -> await(conn.query("SELECT 1").execute()))
          .as("a transaction left open ends with its session")
          .isNotNull();
    } finally {
      conn.close();
    }
  }

  @Test
  void aPoolRefusesRequestsBeyondItsWaitQueueAtOnce() throws Exception {
    Pool pool = pool(Map.of("DB_POOL_SIZE", "2", "DB_MAX_WAIT_QUEUE", "1"));
    // Both connections open first, so what follows waits only for a free one.
    await(Future.all(pool.query("SELECT 1").execute(), pool.query("SELECT 1").execute()));
    List<Future<?>> busy = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      // Two on the connections, one waiting in the queue.
      busy.add(pool.query("SELECT pg_sleep(0.5)").execute());
    }
    long started = System.nanoTime();
    Future<?> refused = pool.query("SELECT 1").execute();
    assertThatThrownBy(() -> await(refused)).hasMessageContaining("wait queue");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(400));
    await(Future.all(busy));
  }

  @Test
  void theSeedLockIsTriedUntilItsTimeoutThenFailsSayingWhy() throws Exception {
    Stores opened = migratedStores(Map.of("SEED_LOCK_TIMEOUT_MS", "800"));
    Pool other = pool(Map.of());
    SqlConnection holder = await(other.getConnection());
    await(holder.query("SELECT pg_advisory_lock(742001)").execute());

    long started = System.nanoTime();
    assertThatThrownBy(() -> await(opened.admin().exclusively(() -> Future.succeededFuture("ran"))))
        .hasMessageContaining("seed lock")
        .hasMessageContaining("SEED_LOCK_TIMEOUT_MS");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(700), Duration.ofSeconds(5));
    assertThat(
            db.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"))
        .as("no session left waiting on the lock")
        .isZero();

    // Released while another start is trying: that one gets it on a later try.
    Future<String> waiting =
        opened.admin().exclusively(() -> Future.succeededFuture("ran after release"));
    await(vertx.timer(300));
    await(holder.query("SELECT pg_advisory_unlock(742001)").execute());
    holder.close();
    assertThat(await(waiting)).isEqualTo("ran after release");
  }

  @Test
  void retentionKeepsTheNewestPostsAndPicturesAndNothingTooOld() throws Exception {
    Stores opened =
        migratedStores(
            Map.of(
                "RETENTION_MAX_GENERATED", "3",
                "RETENTION_MAX_AGE_HOURS", "24",
                "MEDIA_STORE", "postgres"));
    PostStore posts = opened.posts();
    MediaStore media = opened.media();
    Instant now = Instant.parse("2026-12-03T00:00:00Z");
    List<String> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    // Two days old, then five within the day, oldest first.
    for (int i = 0; i < 6; i++) {
      Instant at = i == 0 ? now.minus(Duration.ofHours(48)) : now.minusSeconds(600 - i * 60L);
      String id = UUID.randomUUID().toString();
      ids.add(id);
      await(posts.save(new StoredPost(id, "user_001", at, new JsonObject().put("i", i))));
      String name = UUID.randomUUID() + ".webp";
      names.add(name);
      await(media.save(name, Buffer.buffer(new byte[] {1, 2, 3})));
      db.sql("UPDATE media SET created_at = $1 WHERE name = $2", PgRows.time(at), name);
    }

    assertThat(await(posts.trim(now))).isEqualTo(3);
    assertThat(await(posts.count())).isEqualTo(3);
    for (int i = 0; i < 6; i++) {
      assertThat(await(posts.find(ids.get(i))).isPresent()).as("post %d", i).isEqualTo(i >= 3);
    }
    assertThat(await(media.trim(now))).isEqualTo(3);
    for (int i = 0; i < 6; i++) {
      assertThat(await(media.load(names.get(i))).isPresent()).as("picture %d", i).isEqualTo(i >= 3);
    }
    assertThat(await(posts.trim(now))).as("a second trim finds nothing").isZero();
  }

  @Test
  void retentionTrimsInBoundedBatchesUntilDone() throws Exception {
    Stores opened =
        migratedStores(Map.of("RETENTION_MAX_GENERATED", "2", "RETENTION_MAX_AGE_HOURS", "0"));
    Instant now = Instant.now();
    for (int i = 0; i < 7; i++) {
      await(
          opened
              .posts()
              .save(
                  new StoredPost(
                      UUID.randomUUID().toString(),
                      "user_001",
                      now.minusSeconds(100 - i),
                      new JsonObject())));
    }
    AppConfig.Retention small = new AppConfig.Retention(2, 0, 60_000, 2);
    PgPostStore batched = new PgPostStore(pool(Map.of()), small);
    assertThat(await(batched.trim(now))).isEqualTo(5);
    assertThat(db.count("SELECT count(*) FROM generated_posts")).isEqualTo(2);
  }

  @Test
  void staleEmbeddingsArePagedByIdAfterTheLastOneSeen() throws Exception {
    Stores opened = migratedStores(Map.of());
    for (int i = 1; i <= 5; i++) {
      db.sql(
          "INSERT INTO categories (key, name_ko, name_en, color) VALUES ('c', 'c', 'c', '#000') "
              + "ON CONFLICT DO NOTHING");
      db.sql(
          "INSERT INTO products (id, category, name_ko, name_en, price, description_ko, "
              + "description_en, tags) VALUES ($1, 'c', 'n', 'n', 1, 'd', 'd', '{}')",
          String.format("prod_%03d", i));
    }
    // None is re-embedded between the pages: each page still starts after the last id seen.
    assertThat(await(opened.admin().staleEmbeddings(ItemType.PRODUCT, "m", null, 2)))
        .containsExactly("prod_001", "prod_002");
    assertThat(await(opened.admin().staleEmbeddings(ItemType.PRODUCT, "m", "prod_002", 2)))
        .containsExactly("prod_003", "prod_004");
    assertThat(await(opened.admin().staleEmbeddings(ItemType.PRODUCT, "m", "prod_004", 2)))
        .containsExactly("prod_005");
  }

  @Test
  void typedVectorReadsLookInTheirTableOnly() throws Exception {
    Stores opened = migratedStores(Map.of());
    db.sql(
        "INSERT INTO users (id, name_ko, name_en, interests, bio_ko, bio_en, embedding, "
            + "embedding_model) VALUES ('user_001', 'n', 'n', '{}', 'b', 'b', $1::vector, 'm')",
        vectorText(768));
    assertThat(await(opened.vectors().vectors(ItemType.USER, List.of("user_001")))).hasSize(1);
    assertThat(await(opened.vectors().vectors(ItemType.PRODUCT, List.of("user_001")))).isEmpty();
    assertThat(SqlQueries.selectVectors(ItemType.USER))
        .contains("FROM users")
        .doesNotContain("products", "campaigns", "contents");
  }

  private static String vectorText(int dimension) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < dimension; i++) {
      text.append(i == 0 ? "1" : ",0");
    }
    return text.append(']').toString();
  }

  private static String show(Pool pool, String setting) throws Exception {
    return await(pool.query("SHOW " + setting).execute()).iterator().next().getString(0);
  }
}
