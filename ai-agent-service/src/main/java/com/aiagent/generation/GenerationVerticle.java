package com.aiagent.generation;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.search.ItemSearch;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.PostStore;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generation module on the bus: {@code generation.generate-feed} and {@code
 * generation.get-post} run {@link PostGenerator}; {@code generation.health} says whether the stores
 * it reads and writes answer. The embedding, LLM and media modules are called over the bus, each
 * with the time the request's budget leaves it.
 */
public final class GenerationVerticle extends VerticleBase {
  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);
  private static final Duration FALLBACK_LOG_EVERY = Duration.ofMinutes(1);

  private final AppConfig config;
  private final CatalogStore catalog;
  private final VectorStore vectors;
  private final PostStore posts;
  private final RedisCache redis;
  private final ItemSearch search;
  private RateLimiter rateLimiter;

  public GenerationVerticle(
      AppConfig config,
      CatalogStore catalog,
      VectorStore vectors,
      PostStore posts,
      RedisCache redis,
      ItemSearch search) {
    this.config = config;
    this.catalog = catalog;
    this.vectors = vectors;
    this.posts = posts;
    this.search = search;
    this.redis = redis;
  }

  @Override
  public Future<?> start() {
    AppConfig.Generation generation = config.generation();
    LocalRateLimiter local = new LocalRateLimiter(RATE_WINDOW, generation.rateLimitLocalMaxKeys());
    rateLimiter =
        redis.enabled()
            ? new RedisRateLimiter(redis, RATE_WINDOW, local, FALLBACK_LOG_EVERY)
            : local;
    GenerationClient.registerCodecs(vertx);
    PeerModules peers = new BusPeers(vertx);
    PostGenerator generator =
        new PostGenerator(
            generation,
            config.auth(),
            config.media().provider(),
            catalog,
            posts,
            new ItemRetriever(
                new ItemRetriever.Settings(
                    generation.products(),
                    generation.campaigns(),
                    config.embedding().activeModel(),
                    config.embedding().dimension(),
                    config.search().minSimilarityFor(config.embedding().provider())),
                catalog,
                vectors,
                search,
                peers),
            new PostAssembler(
                generation.aiLabel(),
                config.http().publicBaseUrl(),
                "http://localhost:" + config.http().port()),
            peers,
            rateLimiter,
            Clock.systemUTC(),
            System::nanoTime);
    return Future.all(
        List.of(
            BusEndpoint.serve(
                    vertx,
                    GenerationAddresses.GENERATE_FEED,
                    GenerateFeedRequest.class,
                    generator::generate)
                .completion(),
            BusEndpoint.serve(
                    vertx, GenerationAddresses.GET_POST, GetPostRequest.class, generator::find)
                .completion(),
            BusEndpoint.serveHealth(vertx, GenerationAddresses.HEALTH, this::health).completion()));
  }

  /**
   * UP when the catalog and the post store answer a key lookup (cheap, unlike a count); DEGRADED,
   * not DOWN, while the vector index's breaker is open, since retrieval then answers from the
   * vectors' own store.
   */
  private Future<HealthStatus> health() {
    Future<Boolean> catalogUp = catalog.user("health-probe").map(true).otherwise(false);
    Future<Boolean> postsUp = posts.find("health-probe").map(true).otherwise(false);
    Future<Map<String, Object>> index = vectors.dependencies();
    return Future.all(catalogUp, postsUp, index)
        .map(
            all -> {
              Map<String, Object> details = new LinkedHashMap<>();
              details.put("catalog", catalogUp.result() ? HealthStatus.UP : HealthStatus.DOWN);
              details.put("post_store", postsUp.result() ? HealthStatus.UP : HealthStatus.DOWN);
              details.put("rate_limit", rateLimiter.mode());
              details.putAll(index.result());
              if (!catalogUp.result() || !postsUp.result()) {
                return HealthStatus.down(true, details);
              }
              Object breaker = index.result().get("vector_index_breaker");
              if (breaker == null || "CLOSED".equals(breaker)) {
                return HealthStatus.up(true, details);
              }
              details.put("vector_index_fallback", "postgres");
              return HealthStatus.degraded(details);
            });
  }
}
