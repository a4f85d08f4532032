package com.aiagent.feed;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.store.FeedStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Serves {@code feed.get} with a {@link FeedService}, and drops rankings of changed users. */
public final class RecommendationVerticle extends VerticleBase {
  private final AppConfig config;
  private final FeedStore store;
  private final RedisCache redis;
  private final CandidateWarmer warmer;
  private final ItemTexts texts;

  public RecommendationVerticle(
      AppConfig config,
      FeedStore store,
      RedisCache redis,
      CandidateWarmer warmer,
      ItemTexts texts) {
    this.config = config;
    this.store = store;
    this.redis = redis;
    this.warmer = warmer;
    this.texts = texts;
  }

  @Override
  public Future<?> start() {
    Duration ttl = Duration.ofMillis(config.feed().cacheTtlMs());
    LocalFeedCache near =
        new LocalFeedCache(
            ttl,
            Duration.ofMillis(config.feed().cursorTtlMs()),
            config.feed().cacheMaxKb(),
            config.feed().cacheMaxUsers());
    FeedCache cache =
        redis.enabled() ? new TieredFeedCache(near, new RedisFeedCache(redis, ttl)) : near;
    FeedService service =
        new FeedService(
            config.feed(),
            config.ads(),
            store,
            cache,
            texts,
            warmer,
            new AiPostMerger(
                config.feed(), config.generation().aiLabel(), config.http().publicBaseUrl()),
            Clock.systemUTC());
    FeedClient.registerCodecs(vertx);
    return Future.all(
        BusEndpoint.serve(vertx, FeedAddresses.GET, FeedRequest.class, service::page).completion(),
        vertx
            .eventBus()
            .<String>consumer(
                FeedAddresses.USER_CHANGED, message -> service.userChanged(message.body()))
            .completion(),
        BusEndpoint.serveHealth(vertx, FeedAddresses.HEALTH, this::health).completion());
  }

  /**
   * UP while the feed store answers; DEGRADED (and not required, so the instance stays in service)
   * while a graph store of its own does not, since feeds are then ranked without graph signals.
   */
  private Future<HealthStatus> health() {
    return store
        .ping()
        .compose(v -> store.dependencies())
        .map(
            dependencies -> {
              Map<String, Object> details = new java.util.LinkedHashMap<>(dependencies);
              details.put("feed_store", store.getClass().getSimpleName());
              details.put(
                  "candidates", config.feed().candidates().enabled() ? "stored" : "per request");
              Object graph = dependencies.get("graph");
              if (graph != null && !"UP".equals(graph)) {
                return HealthStatus.degraded(details);
              }
              return HealthStatus.up(true, details);
            })
        .otherwise(error -> HealthStatus.down(true, Map.of("error", "feed store unreachable")));
  }
}
