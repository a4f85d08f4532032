package com.aiagent.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The embedding cache against a real Redis (REDIS_URL, default 127.0.0.1:6379) and a dead one. */
class EmbeddingCacheTest {
  private static final String REDIS =
      System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");

  private Vertx vertx;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(EmbeddingCacheTest.class);
  private final AtomicLong clock = new AtomicLong(1_000_000);

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void tearDown() throws Exception {
    logger.detachAppender(log);
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  private RedisCache redis(String url) throws Exception {
    RedisCache redis =
        new RedisCache(
            new AppConfig.Redis(url, "test-" + UUID.randomUUID() + ":", 60_000, 60_000, 5_000));
    await(vertx.deployVerticle(redis));
    return redis;
  }

  private EmbeddingCache cache(RedisCache redis) {
    return new EmbeddingCache(redis, 60_000, new RateLimitedWarning(logger, 60_000, clock::get));
  }

  private List<String> warnings() {
    return log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void anEntryThatIsNotAVectorIsAMissAndIsLogged() throws Exception {
    RedisCache redis = redis(REDIS);
    assertThat(redis.isUp()).as("Redis at " + REDIS).isTrue();
    EmbeddingCache cache = cache(redis);
    String key = cache.key("m", 4, TaskType.RETRIEVAL_QUERY, "패션");
    await(redis.set(key, Buffer.buffer("not floats"), 60_000));

    List<float[]> found = await(cache.lookup("m", 4, TaskType.RETRIEVAL_QUERY, List.of("패션")));

    assertThat(found).containsExactly((float[]) null);
    assertThat(warnings()).singleElement().asString().contains("10 bytes", "4-dim");
  }

  @Test
  void readAndWriteFailuresAreLoggedOncePerInterval() throws Exception {
    RedisCache redis = redis("redis://127.0.0.1:" + com.aiagent.TestApp.freePort());
    EmbeddingCache cache = cache(redis);
    for (int i = 0; i < 3; i++) {
      assertThat(await(cache.lookup("m", 4, TaskType.RETRIEVAL_QUERY, List.of("a", "b"))))
          .containsExactly(null, null);
      await(cache.store("m", 4, TaskType.RETRIEVAL_QUERY, List.of("a"), List.of(new float[4])));
    }
    assertThat(warnings()).hasSize(2);
    assertThat(warnings().get(0)).contains("read failed");
    assertThat(warnings().get(1)).contains("write failed");

    clock.addAndGet(60_000);
    await(cache.lookup("m", 4, TaskType.RETRIEVAL_QUERY, List.of("a")));
    assertThat(warnings()).hasSize(3);
    assertThat(warnings().get(2)).contains("read failed", "2 more like it");
  }
}
