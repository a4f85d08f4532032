package com.aiagent.generation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aiagent.TestApp;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Against the real Redis of scripts/test-services.sh (REDIS_HOST, REDIS_PORT), keys prefixed. */
@Tag("services")
class RedisRateLimiterTest {
  private static final String URL =
      "redis://"
          + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1")
          + ":"
          + System.getenv().getOrDefault("REDIS_PORT", "6379");

  private final Vertx vertx = Vertx.vertx();
  private final String prefix = "test-" + UUID.randomUUID() + ":";

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private RedisCache redis(String url) throws Exception {
    RedisCache cache = new RedisCache(new AppConfig.Redis(url, prefix, 60_000, 1000, 500));
    await(vertx.deployVerticle(cache));
    return cache;
  }

  private static RedisRateLimiter limiter(RedisCache redis, int limit) {
    return new RedisRateLimiter(
        redis,
        Duration.ofMinutes(1),
        new LocalRateLimiter(Duration.ofMinutes(1), 1000),
        Duration.ofMinutes(1));
  }

  /** A cache that answers: the first connection of a cold JVM may miss the probe's deadline. */
  private RedisCache upRedis() throws Exception {
    RedisCache cache = redis(URL);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!cache.isUp() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(cache.isUp()).as("Redis at " + URL + " answers").isTrue();
    return cache;
  }

  @Test
  void twoInstancesSharingRedisHoldOneLimit() throws Exception {
    RedisRateLimiter first = limiter(upRedis(), 5);
    RedisRateLimiter second = limiter(upRedis(), 5);
    int passed = 0;
    for (int i = 0; i < 10; i++) {
      RedisRateLimiter instance = i % 2 == 0 ? first : second;
      if (await(instance.acquire("user:user_001", 5, Instant.now())).allowed()) {
        passed++;
      }
    }
    assertThat(passed).isEqualTo(5);
    RateLimiter.Decision refused = await(second.acquire("user:user_001", 5, Instant.now()));
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 12L);
    assertThat(await(first.acquire("user:user_002", 5, Instant.now())).allowed()).isTrue();
    assertThat(first.mode()).isEqualTo("redis");

    Redis client = Redis.createClient(vertx, URL);
    long ttl =
        await(
                client.send(
                    Request.cmd(Command.PTTL)
                        .arg(prefix + "ratelimit:generate-feed:user:user_001")))
            .toLong();
    assertThat(ttl).as("buckets expire").isBetween(1L, 60_000L);
  }

  @Test
  void whenRedisFailsEachInstanceCountsLocallyAndSaysSoOnce() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(RedisRateLimiter.class);
    logger.addAppender(logs);
    try {
      RedisRateLimiter limiter = limiter(redis("redis://127.0.0.1:" + TestApp.freePort()), 3);
      int passed = 0;
      for (int i = 0; i < 6; i++) {
        if (await(limiter.acquire("user:user_001", 3, Instant.now())).allowed()) {
          passed++;
        }
      }
      assertThat(passed).isEqualTo(3);
      assertThat(limiter.mode()).isEqualTo("local-fallback");
      assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    } finally {
      logger.detachAppender(logs);
    }
  }
}
