package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.Neo4jTestGraph;
import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service with its graph in Neo4j, reached through a relay the test cuts: while Neo4j is away
 * the feed still answers (without graph signals, and without storing what it built), events are
 * refused as unavailable (nothing of them kept, so the client's retry is safe), health names the
 * graph as down, and all of it recovers by itself once Neo4j is back.
 */
@Tag("services")
class GraphOutageTest {
  private Vertx vertx;
  private PgTestDatabase db;
  private CuttableProxy proxy;
  private TestApp app;
  private WebClient http;

  @BeforeEach
  void start() throws Exception {
    Neo4jTestGraph.wipe();
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
    db = new PgTestDatabase();
    proxy =
        new CuttableProxy(
            vertx, Integer.parseInt(System.getenv().getOrDefault("NEO4J_TEST_PORT", "7687")));
    int port = await(proxy.start());
    Map<String, String> env = new HashMap<>(db.env());
    env.putAll(Neo4jTestGraph.env());
    env.put("NEO4J_URI", "bolt://127.0.0.1:" + port);
    env.put("NEO4J_TIMEOUT_MS", "2000");
    env.put("HEALTH_DETAILS", "true");
    app = TestApp.create(env);
    await(app.start(vertx));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      await(app.stop());
      await(proxy.close());
      await(vertx.close());
    } finally {
      db.close();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> get(String path) throws Exception {
    return await(http.get(app.port(), "127.0.0.1", path).send());
  }

  private String graphHealth() throws Exception {
    JsonObject body = get("/health").bodyAsJsonObject();
    return body.getJsonObject("checks")
        .getJsonObject("feed")
        .getJsonObject("details")
        .getString("graph");
  }

  private long storedCandidates(String userId) {
    return db.count("SELECT count(*) FROM feed_candidates WHERE user_id = $1", userId);
  }

  /** Polls {@code check} until it holds, for at most 20 s. */
  private void eventually(Predicate<Void> check, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!check.test(null)) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void theFeedAnswersWithoutNeo4jAndRecoversWhenItIsBack() throws Exception {
    assertThat(graphHealth()).isEqualTo("UP");
    assertThat(get("/v1/feed?user_id=user_001&limit=5").statusCode()).isEqualTo(200);
    assertThat(storedCandidates("user_001")).isEqualTo(1);

    assertThat(
            get("/v1/feed?user_id=user_001&limit=5")
                .bodyAsJsonObject()
                .containsKey("missing_signals"))
        .isFalse();

    proxy.cut();
    HttpResponse<Buffer> health = get("/health");
    assertThat(health.statusCode()).as("the graph is not required to serve").isEqualTo(200);
    assertThat(graphHealth()).startsWith("DOWN");
    assertThat(
            health
                .bodyAsJsonObject()
                .getJsonObject("checks")
                .getJsonObject("feed")
                .getString("status"))
        .isEqualTo("DEGRADED");
    HttpResponse<Buffer> page = get("/v1/feed?user_id=user_002&limit=5");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.bodyAsJsonObject().getJsonArray("items")).isNotEmpty();
    assertThat(page.bodyAsJsonObject().getJsonArray("missing_signals"))
        .as("the page says what it was ranked without")
        .containsExactly("graph");
    String cursor = page.bodyAsJsonObject().getString("next_cursor");
    assertThat(cursor).isNotNull();
    HttpResponse<Buffer> second =
        get(
            "/v1/feed?user_id=user_002&limit=5&cursor="
                + java.net.URLEncoder.encode(cursor, "UTF-8"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.bodyAsJsonObject().getJsonArray("missing_signals"))
        .as("the next page comes from the same ranking")
        .containsExactly("graph");
    assertThat(storedCandidates("user_002")).as("a build without signals is not kept").isZero();
    HttpResponse<Buffer> events = postLike("user_002", "content_010");
    assertThat(events.statusCode()).as(events.bodyAsString()).isEqualTo(503);
    assertThat(events.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("unavailable");

    proxy.restore();
    eventually(
        v -> {
          try {
            return "UP".equals(graphHealth());
          } catch (Exception e) {
            return false;
          }
        },
        "the graph is back in health");
    HttpResponse<Buffer> recovered = get("/v1/feed?user_id=user_002&limit=5");
    assertThat(recovered.statusCode()).isEqualTo(200);
    assertThat(recovered.bodyAsJsonObject().containsKey("missing_signals"))
        .as("a ranking without the graph was not cached")
        .isFalse();
    assertThat(storedCandidates("user_002")).isEqualTo(1);
    assertThat(postLike("user_002", "content_010").statusCode()).isEqualTo(202);
    assertThat(await(app.stores.graph().targets("user_002", EdgeType.LIKES)))
        .contains("content_010");
  }

  private HttpResponse<Buffer> postLike(String userId, String contentId) throws Exception {
    JsonObject event =
        new JsonObject()
            .put("event_id", java.util.UUID.randomUUID().toString())
            .put("user_id", userId)
            .put("type", "like")
            .put("item_id", contentId)
            .put("ts", java.time.Instant.now().toString());
    return await(
        http.post(app.port(), "127.0.0.1", "/v1/events")
            .sendJsonObject(
                new JsonObject().put("events", new io.vertx.core.json.JsonArray().add(event))));
  }
}
