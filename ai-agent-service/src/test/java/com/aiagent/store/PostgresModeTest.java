package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Row;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service on PostgreSQL + pgvector: migrations, seed-once, the guide's checks, every endpoint.
 */
@Tag("services")
class PostgresModeTest {
  private PgTestDatabase db;
  private Vertx vertx;
  private TestApp app;

  @BeforeEach
  void createDatabase() {
    db = new PgTestDatabase();
    vertx = Vertx.vertx();
  }

  @AfterEach
  void dropDatabase() throws Exception {
    if (app != null) {
      await(app.stop());
    }
    await(vertx.close());
    db.close();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private TestApp start(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(db.env());
    env.putAll(extra);
    TestApp started = TestApp.create(env);
    await(started.start(vertx));
    return started;
  }

  @Test
  void connectsOverAUnixSocketAsCloudRunMountsCloudSql() throws Exception {
    String configured = System.getenv().getOrDefault("PG_SOCKET_DIR", "/var/run/postgresql");
    org.junit.jupiter.api.Assumptions.assumeFalse(
        "none".equals(configured),
        "PG_SOCKET_DIR=none: the Unix socket path is skipped on request");
    Path socketDir = Path.of(configured);
    Path socket = socketDir.resolve(".s.PGSQL." + PgTestDatabase.port());
    // Cloud Run reaches Cloud SQL only over this socket: a run without one must not pass quietly.
    assertThat(socket)
        .as(
            "no PostgreSQL Unix socket at %s: point PG_SOCKET_DIR at the server's"
                + " unix_socket_directories, or set PG_SOCKET_DIR=none to skip this test knowingly",
            socket)
        .exists();
    Vertx nativeVertx =
        Vertx.builder()
            .with(new io.vertx.core.VertxOptions().setPreferNativeTransport(true))
            .build();
    try {
      assertThat(nativeVertx.isNativeTransportEnabled()).isTrue();
      Map<String, String> env = new HashMap<>(db.env());
      env.put(
          "DATABASE_URL",
          "postgresql://" + PgTestDatabase.user() + "@/" + db.name + "?host=" + socketDir);
      TestApp viaSocket = TestApp.create(env);
      assertThat(viaSocket.config.postgres().host()).isEqualTo(socketDir.toString());
      await(viaSocket.start(nativeVertx));
      try {
        assertThat(db.count("SELECT count(*) FROM campaigns")).isEqualTo(100);
        assertThat(
                db.count(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = $1 AND client_addr IS NULL AND backend_type = 'client backend'",
                    db.name))
            .as("connections that came over the socket")
            .isPositive();
      } finally {
        await(viaSocket.stop());
      }
    } finally {
      await(nativeVertx.close());
    }
  }

  @Test
  void migratesSeedsAndPassesTheGuidesChecks() throws Exception {
    app = start(Map.of());

    assertThat(db.count("SELECT count(*) FROM pg_extension WHERE extname = 'vector'")).isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM users")).isEqualTo(15);
    assertThat(db.count("SELECT count(*) FROM products")).isEqualTo(100);
    assertThat(db.count("SELECT count(*) FROM campaigns")).isEqualTo(100);
    assertThat(db.count("SELECT count(*) FROM contents")).isEqualTo(100);
    // The guide's dimension check. pgvector keeps the dimension itself as the type modifier
    // (varchar(768) would show 772); format_type names the column type in full.
    Row typmod =
        db.sql(
                "SELECT atttypmod, format_type(atttypid, atttypmod) FROM pg_attribute "
                    + "WHERE attrelid = 'campaigns'::regclass AND attname = 'embedding'")
            .iterator()
            .next();
    assertThat(typmod.getInteger(0)).isEqualTo(768);
    assertThat(typmod.getString(1)).isEqualTo("vector(768)");
    assertThat(db.count("SELECT count(*) FROM schema_migrations")).isEqualTo(6);
    // Migration 006: followers' feeds probe each followed author's published posts by this index.
    assertThat(
            db.count(
                "SELECT count(*) FROM pg_indexes WHERE indexname = 'generated_posts_published_idx'"
                    + " AND indexdef LIKE '%(user_id, created_at DESC, id DESC) WHERE published'"))
        .isEqualTo(1);
    for (String table : List.of("users", "products", "campaigns", "contents")) {
      assertThat(
              db.count(
                  "SELECT count(*) FROM "
                      + table
                      + " WHERE embedding IS NULL OR embedding_model <> 'local-concept-v1'"))
          .as(table)
          .isZero();
      assertThat(
              db.count(
                  "SELECT count(*) FROM pg_indexes WHERE tablename = $1 AND indexdef LIKE '%hnsw%vector_cosine_ops%'",
                  table))
          .as(table + " has an HNSW cosine index")
          .isEqualTo(1);
    }
    assertThat(db.count("SELECT count(*) FROM edges")).isPositive();
    // Migration 005: indexes no statement uses are gone; retention's are there.
    assertThat(
            db.count(
                "SELECT count(*) FROM pg_indexes WHERE indexname IN ('edges_to_idx', 'generated_posts_user_idx')"))
        .isZero();
    assertThat(
            db.count(
                "SELECT count(*) FROM pg_indexes WHERE indexname IN ('generated_posts_created_idx', 'media_created_idx')"))
        .isEqualTo(2);
  }

  @Test
  void servesEveryEndpointFromPostgres() throws Exception {
    app = start(Map.of());
    WebClient http = WebClient.create(vertx);

    HttpResponse<Buffer> health = await(http.get(app.port(), "localhost", "/health").send());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(
            health
                .bodyAsJsonObject()
                .getJsonObject("checks")
                .getJsonObject("feed")
                .getJsonObject("details")
                .getString("feed_store"))
        .isEqualTo("PgFeedStore");

    JsonObject page =
        await(http.get(app.port(), "localhost", "/v1/feed?user_id=user_001").send())
            .bodyAsJsonObject();
    assertThat(page.getJsonArray("items")).hasSize(20);
    assertThat(page.getJsonArray("items").getJsonObject(3).getString("type")).isEqualTo("ad");
    assertThat(page.getJsonArray("items").getJsonObject(0).getJsonArray("reasons")).isNotEmpty();

    HttpResponse<Buffer> generated =
        await(
            http.post(app.port(), "localhost", "/v1/ai/generate-feed")
                .sendJsonObject(
                    new JsonObject()
                        .put("user_id", "user_001")
                        .put("prompt", "오늘 기분 좋은 패션 아이템 추천해줘")));
    assertThat(generated.statusCode()).as(generated.bodyAsString()).isEqualTo(200);
    JsonObject post = generated.bodyAsJsonObject();
    assertThat(
            post.getJsonArray("products").stream()
                .filter(p -> "fashion".equals(((JsonObject) p).getString("category")))
                .count())
        .isGreaterThanOrEqualTo(3);
    assertThat(
            db.count(
                "SELECT count(*) FROM generated_posts WHERE id = $1::uuid", post.getString("id")))
        .isEqualTo(1);
    JsonObject kept =
        await(http.get(app.port(), "localhost", "/v1/ai/feeds/" + post.getString("id")).send())
            .bodyAsJsonObject();
    assertThat(kept).isEqualTo(post);
    assertThat(
            await(http.get(app.port(), "localhost", "/v1/ai/feeds/not-a-uuid").send()).statusCode())
        .isEqualTo(404);
    assertThat(
            await(http.get(app.port(), "localhost", "/v1/feed?user_id=user_404").send())
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aRestartNeitherReseedsNorMigratesAgain() throws Exception {
    app = start(Map.of());
    await(app.stop());
    db.sql("UPDATE campaigns SET title_ko = 'edited by hand' WHERE id = 'camp_001'");

    app = start(Map.of());
    assertThat(db.count("SELECT count(*) FROM campaigns WHERE title_ko = 'edited by hand'"))
        .isEqualTo(1);
    assertThat(db.count("SELECT count(*) FROM schema_migrations")).isEqualTo(6);
    assertThat(db.count("SELECT count(*) FROM campaigns")).isEqualTo(100);
  }

  @Test
  void theMigrationRunsByHandWithPsqlTwice() throws Exception {
    Path migration = Path.of("scripts", "migration_001.sql");
    for (int run = 0; run < 2; run++) {
      Process psql =
          new ProcessBuilder(
                  "psql",
                  "-v",
                  "ON_ERROR_STOP=1",
                  "-q",
                  "-h",
                  PgTestDatabase.host(),
                  "-p",
                  String.valueOf(PgTestDatabase.port()),
                  "-U",
                  PgTestDatabase.user(),
                  "-d",
                  db.name)
              .redirectInput(migration.toFile())
              .redirectErrorStream(true)
              .redirectOutput(new File("target/psql-migration.log"))
              .start();
      assertThat(psql.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(psql.exitValue()).as("psql run %d", run + 1).isZero();
    }
    assertThat(
            db.count(
                "SELECT count(*) FROM pg_tables WHERE tablename IN ('users','products','campaigns','contents','edges','generated_posts','categories')"))
        .isEqualTo(7);
  }

  @Test
  void vectorsOfAnotherModelStopStartUpUntilReembedded() throws Exception {
    app = start(Map.of());
    await(app.stop());
    app = null;
    db.sql(
        "UPDATE products SET embedding_model = 'text-embedding-004' WHERE id IN ('prod_001', 'prod_002')");

    TestApp refused = TestApp.create(db.env());
    assertThatThrownBy(() -> await(refused.start(vertx)))
        .hasMessageContaining("text-embedding-004")
        .hasMessageContaining("local-concept-v1/768")
        .hasMessageContaining("generate-embeddings");
    await(refused.stop());

    List<String> progress = new java.util.ArrayList<>();
    Stores stores = await(com.aiagent.StoreWiring.open(vertx, refused.config));
    String summary =
        await(
            com.aiagent.CommandsAccess.generateEmbeddings(
                vertx, refused.config, stores, false, progress::add));
    await(stores.admin().close());
    assertThat(summary).contains("re-embedded 2 rows");
    assertThat(progress).containsExactly("re-embedded product: 2/2 with local-concept-v1/768");
    assertThat(
            db.count("SELECT count(*) FROM products WHERE embedding_model <> 'local-concept-v1'"))
        .isZero();

    app = start(Map.of());
  }

  @Test
  void searchFiltersByCategoryAndLiveCampaigns() throws Exception {
    app = start(Map.of());
    float[] query = await(app.stores.vectors().vectors(List.of("user_001"))).get("user_001");

    List<VectorMatch> live =
        await(
            app.stores
                .vectors()
                .search(VectorQuery.of(ItemType.CAMPAIGN, query, 100).liveAt(Instant.now())));
    assertThat(live).hasSize(90).extracting(VectorMatch::id).doesNotContain("camp_010", "camp_100");
    assertThat(live).isSortedAccordingTo((a, b) -> Double.compare(b.similarity(), a.similarity()));

    List<VectorMatch> beauty =
        await(
            app.stores
                .vectors()
                .search(VectorQuery.of(ItemType.PRODUCT, query, 5).inCategory("beauty")));
    assertThat(beauty).hasSize(5);
    assertThat(await(app.stores.catalog().products(beauty.stream().map(VectorMatch::id).toList())))
        .allSatisfy(p -> assertThat(p.category()).isEqualTo("beauty"));

    // The same vectors in memory give the same exact answer.
    com.aiagent.store.memory.MemoryVectorStore exact =
        new com.aiagent.store.memory.MemoryVectorStore(vertx);
    List<String> ids = db.sql("SELECT id FROM products").stream().map(r -> r.getString(0)).toList();
    Map<String, float[]> vectors = await(app.stores.vectors().vectors(ids));
    await(
        exact.upsert(
            vectors.entrySet().stream()
                .map(
                    e ->
                        new VectorEntry(
                            e.getKey(),
                            ItemType.PRODUCT,
                            null,
                            true,
                            null,
                            null,
                            e.getValue(),
                            "m"))
                .toList()));
    List<String> pgTop =
        await(app.stores.vectors().search(VectorQuery.of(ItemType.PRODUCT, query, 10))).stream()
            .map(VectorMatch::id)
            .toList();
    List<String> exactTop =
        await(exact.search(VectorQuery.of(ItemType.PRODUCT, query, 10))).stream()
            .map(VectorMatch::id)
            .toList();
    assertThat(pgTop).isEqualTo(exactTop);
  }

  @Test
  void aFollowEventDropsTheCachedFeedAndTheNextPageShowsTheAuthor() throws Exception {
    app = start(Map.of("FEED_CACHE_TTL_MS", "600000"));
    WebClient http = WebClient.create(vertx);
    String author = "user_003";
    JsonObject before =
        await(http.get(app.port(), "localhost", "/v1/feed?user_id=user_001&limit=100").send())
            .bodyAsJsonObject();
    assertThat(followedAuthorItems(before, author)).isZero();

    com.aiagent.events.EventsRecorded recorded =
        await(
            new com.aiagent.events.EventsClient(vertx, 5_000)
                .record(
                    new com.aiagent.events.RecordEvents(
                        List.of(
                            new com.aiagent.events.EventInput(
                                "follow-1",
                                "user_001",
                                "follow",
                                author,
                                Instant.now().toString())))));
    assertThat(recorded.accepted()).as(recorded.toString()).isEqualTo(1);
    assertThat(
            db.count(
                "SELECT count(*) FROM edges WHERE from_id = 'user_001' AND type = 'FOLLOWS' AND to_id = $1",
                author))
        .isEqualTo(1);
    JsonObject after =
        await(http.get(app.port(), "localhost", "/v1/feed?user_id=user_001&limit=100").send())
            .bodyAsJsonObject();
    assertThat(followedAuthorItems(after, author)).isPositive();
  }

  private static long followedAuthorItems(JsonObject page, String author) {
    return page.getJsonArray("items").stream()
        .map(JsonObject.class::cast)
        .filter(
            i ->
                author.equals(i.getString("author_id"))
                    && i.getJsonArray("reasons").contains("followed_author"))
        .count();
  }
}
