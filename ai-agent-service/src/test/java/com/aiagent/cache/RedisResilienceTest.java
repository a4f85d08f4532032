package com.aiagent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The service in local mode (PostgreSQL stores) against a real Redis server of its own, so the test
 * can stop and restart it: the feed cache, the embedding cache and the rate limit use it, and the
 * service keeps serving while it is away.
 */
@Tag("services")
class RedisResilienceTest {
  private final int redisPort = TestApp.freePort();
  private final String prefix = "test-" + UUID.randomUUID() + ":";
  private Process redisServer;
  private Vertx vertx;
  private TestApp app;
  private WebClient http;
  private Redis redis;
  private PgTestDatabase db;

  @BeforeEach
  void start() throws Exception {
    startRedis();
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
    redis = Redis.createClient(vertx, "redis://127.0.0.1:" + redisPort);
    db = new PgTestDatabase();
    Map<String, String> env = new HashMap<>(db.env());
    env.put("APP_ENV", "local");
    env.put("REDIS_URL", "redis://127.0.0.1:" + redisPort);
    env.put("REDIS_KEY_PREFIX", prefix);
    env.put("RATE_LIMIT_PER_MINUTE", "3");
    app = TestApp.create(env);
    await(app.start(vertx));
  }

  @AfterEach
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
    redisServer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    db.close();
  }

  private void startRedis() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("redis-test");
    redisServer =
        new ProcessBuilder(
                "redis-server",
                "--port",
                String.valueOf(redisPort),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", redisPort)) {
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("redis-server did not start on " + redisPort);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    return await(http.get(app.port(), "localhost", uri).send());
  }

  private HttpResponse<Buffer> generate(String user, String prompt) throws Exception {
    return await(
        http.post(app.port(), "localhost", "/v1/ai/generate-feed")
            .sendJsonObject(
                new JsonObject()
                    .put("user_id", user)
                    .put("prompt", prompt)
                    .put("generate_image", false)));
  }

  private JsonObject checks() throws Exception {
    return get("/health").bodyAsJsonObject().getJsonObject("checks");
  }

  private static void eventually(Supplier<Boolean> condition, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (condition.get()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not within 15 s: " + what);
  }

  @Test
  void feedsAreCachedPerUserInRedis() throws Exception {
    assertThat(get("/v1/feed?user_id=user_001").statusCode()).isEqualTo(200);
    assertThat(
            await(redis.send(Request.cmd(Command.EXISTS).arg(prefix + "feed:user_001"))).toLong())
        .isEqualTo(1);
    assertThat(
            await(redis.send(Request.cmd(Command.EXISTS).arg(prefix + "feed:user_002"))).toLong())
        .isZero();
    long ttl = await(redis.send(Request.cmd(Command.PTTL).arg(prefix + "feed:user_001"))).toLong();
    assertThat(ttl).isPositive().isLessThanOrEqualTo(app.config.feed().cacheTtlMs());
  }

  @Test
  void aRepeatedPromptSkipsTheEmbeddingProvider() throws Exception {
    long hitsBefore =
        checks().getJsonObject("embedding").getJsonObject("details").getLong("cache_hits");
    assertThat(generate("user_001", "주말 캠핑 여행에 필요한 준비물").statusCode()).isEqualTo(200);
    assertThat(checks().getJsonObject("embedding").getJsonObject("details").getLong("cache_hits"))
        .isEqualTo(hitsBefore);
    assertThat(generate("user_002", "주말 캠핑 여행에 필요한 준비물").statusCode()).isEqualTo(200);
    assertThat(checks().getJsonObject("embedding").getJsonObject("details").getLong("cache_hits"))
        .isEqualTo(hitsBefore + 1);
  }

  @Test
  void generateFeedIsLimitedPerUserWithRetryAfter() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(generate("user_004", "운동 " + i).statusCode()).isEqualTo(200);
    }
    HttpResponse<Buffer> limited = generate("user_004", "운동 4");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("rate_limited");
    assertThat(Long.parseLong(limited.getHeader("Retry-After"))).isBetween(1L, 60L);
    assertThat(generate("user_005", "운동").statusCode())
        .as("other users keep their own quota")
        .isEqualTo(200);
  }

  @Test
  void theServiceKeepsServingWithoutRedisAndReconnectsWhenItIsBack() throws Exception {
    assertThat(checks().getJsonObject("cache").getString("status")).isEqualTo("UP");

    redisServer.destroy();
    redisServer.waitFor(10, TimeUnit.SECONDS);
    eventually(() -> statusOf("cache").equals("DOWN"), "cache reported DOWN");
    HttpResponse<Buffer> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(get("/v1/feed?user_id=user_003").statusCode()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(generate("user_006", "여행 " + i).statusCode()).isEqualTo(200);
    }
    assertThat(generate("user_006", "여행").statusCode())
        .as("the limit holds locally meanwhile")
        .isEqualTo(429);

    startRedis();
    eventually(() -> statusOf("cache").equals("UP"), "cache reported UP again");
    assertThat(get("/v1/feed?user_id=user_007").statusCode()).isEqualTo(200);
    eventually(() -> exists(prefix + "feed:user_007"), "feed cached in the restarted Redis");
  }

  private String statusOf(String check) {
    try {
      return checks().getJsonObject(check).getString("status");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean exists(String key) {
    try {
      get("/v1/feed?user_id=user_007");
      return await(redis.send(Request.cmd(Command.EXISTS).arg(key))).toLong() == 1;
    } catch (Exception e) {
      return false;
    }
  }
}
