package com.aiagent.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.Neo4jTestGraph;
import com.aiagent.TestApp;
import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.neo4j.CachedGraphStore;
import com.aiagent.store.neo4j.Neo4jGraphStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
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
 * The production graph ("Neo4j + Redis"): the feed's graph reads come from Redis once read, a
 * user's own writes delete them on the spot, and a Redis that is away only sends reads to Neo4j.
 * Real Neo4j (the test server) and real Redis (127.0.0.1:6379, keys under a prefix of its own).
 */
@Tag("services")
class CachedGraphStoreTest {
  private static final GraphSignals.Bounds BOUNDS = new GraphSignals.Bounds(10, 10, 10, 10, 10);
  private final String prefix = "test-" + UUID.randomUUID() + ":";
  private final String user = "user_" + UUID.randomUUID().toString().substring(0, 8);
  private Vertx vertx;
  private Neo4jGraphStore neo4j;
  private Redis probe;

  @BeforeEach
  void open() throws Exception {
    vertx = Vertx.vertx();
    neo4j = await(Neo4jGraphStore.open(vertx, config().neo4j()));
    probe = Redis.createClient(vertx, redisUrl());
  }

  @AfterEach
  void close() throws Exception {
    probe.close();
    await(neo4j.close());
    await(vertx.close());
  }

  private static String redisUrl() {
    return "redis://"
        + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1")
        + ":"
        + System.getenv().getOrDefault("REDIS_PORT", "6379");
  }

  private static AppConfig config() {
    Map<String, String> env = new HashMap<>(Neo4jTestGraph.env());
    env.put("USE_MOCK_VECTOR_DB", "false");
    return ConfigLoader.load(env);
  }

  private CachedGraphStore cachedWith(String redisUrl) {
    return new CachedGraphStore(neo4j, Redis.createClient(vertx, redisUrl), prefix, 60_000, 500);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Edge follows(String from, String to) {
    return new Edge(from, EdgeType.FOLLOWS, to);
  }

  @Test
  void readsComeFromRedisUntilTheUsersOwnWriteDeletesThem() throws Exception {
    CachedGraphStore cached = cachedWith(redisUrl());
    await(neo4j.addEdges(List.of(follows(user, "user_a"))));
    assertThat(await(cached.signals(user, BOUNDS)).follows()).containsExactly("user_a");
    assertThat(
            await(probe.send(Request.cmd(Command.EXISTS).arg(prefix + "graph-signals:" + user)))
                .toInteger())
        .isEqualTo(1);

    // Written behind the cache's back: the cached answer stands.
    await(neo4j.addEdges(List.of(follows(user, "user_b"))));
    assertThat(await(cached.signals(user, BOUNDS)).follows()).containsExactly("user_a");
    // Other bounds are another question: answered by Neo4j.
    assertThat(await(cached.signals(user, new GraphSignals.Bounds(1, 10, 10, 10, 10))).follows())
        .containsExactly("user_b");

    // Through the cache: deleted, so the next read sees every edge.
    await(cached.addEdges(List.of(follows(user, "user_c"))));
    assertThat(await(cached.signals(user, BOUNDS)).follows())
        .containsExactly("user_c", "user_b", "user_a");
    await(cached.removeEdges(List.of(follows(user, "user_b"))));
    assertThat(await(cached.signals(user, BOUNDS)).follows()).containsExactly("user_c", "user_a");
    await(probe.send(Request.cmd(Command.DEL).arg(prefix + "graph-signals:" + user)));
  }

  @Test
  void withoutRedisEveryReadAndWriteGoesToNeo4j() throws Exception {
    CachedGraphStore cached = cachedWith("redis://127.0.0.1:" + TestApp.freePort());
    await(cached.addEdges(List.of(follows(user, "user_a"))));
    assertThat(await(cached.signals(user, BOUNDS)).follows()).containsExactly("user_a");
    await(cached.addEdges(List.of(follows(user, "user_b"))));
    assertThat(await(cached.signals(user, BOUNDS)).follows()).containsExactly("user_b", "user_a");
  }
}
