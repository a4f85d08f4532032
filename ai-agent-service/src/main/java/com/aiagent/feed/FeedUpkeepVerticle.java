package com.aiagent.feed;

import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's once-per-process work. It carries user changes between instances: a change made here
 * invalidates the shared Redis ranking once and is published on a Redis channel; a change heard
 * there is republished on this process's bus, so every feed verticle of every instance drops the
 * user's ranking within a round trip. And it ticks the {@link CandidateWarmer}.
 */
public final class FeedUpkeepVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(FeedUpkeepVerticle.class);
  private static final String CHANNEL = "feed-user-changed";

  private final AppConfig.Feed config;
  private final RedisCache redis;
  private final CandidateWarmer warmer;
  private final String instance = UUID.randomUUID().toString();
  private long timer = -1;

  public FeedUpkeepVerticle(AppConfig.Feed config, RedisCache redis, CandidateWarmer warmer) {
    this.config = config;
    this.redis = redis;
    this.warmer = warmer;
  }

  @Override
  public Future<?> start() {
    if (redis.enabled()) {
      RedisFeedCache shared = new RedisFeedCache(redis, Duration.ofMillis(config.cacheTtlMs()));
      vertx
          .eventBus()
          .<String>consumer(
              FeedAddresses.USER_CHANGED,
              message -> {
                if (message.headers().contains(FeedAddresses.ORIGIN_HEADER)) {
                  return;
                }
                String userId = message.body();
                shared.invalidate(userId);
                redis
                    .publish(CHANNEL, instance + " " + userId)
                    .onFailure(
                        e ->
                            LOG.warn(
                                "change of {} not sent to other instances: {}",
                                userId,
                                e.getMessage()));
              });
      vertx
          .eventBus()
          .<String>consumer(
              FeedAddresses.USER_CHANGED_ELSEWHERE,
              message -> {
                String[] parts = message.body().split(" ", 2);
                if (parts.length == 2 && !parts[0].equals(instance)) {
                  vertx
                      .eventBus()
                      .publish(
                          FeedAddresses.USER_CHANGED,
                          parts[1],
                          new DeliveryOptions().addHeader(FeedAddresses.ORIGIN_HEADER, parts[0]));
                }
              });
      redis.subscribe(CHANNEL, FeedAddresses.USER_CHANGED_ELSEWHERE);
    }
    if (warmer.enabled()) {
      timer =
          vertx.setPeriodic(
              config.candidates().warmIntervalMs(),
              id ->
                  warmer
                      .tick()
                      .onFailure(
                          e -> LOG.warn("warming feed candidates failed: {}", e.getMessage())));
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }
}
