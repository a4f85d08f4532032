package com.aiagent;

import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbeddingVerticle;
import com.aiagent.events.EventsVerticle;
import com.aiagent.feed.CandidateWarmer;
import com.aiagent.feed.FeedUpkeepVerticle;
import com.aiagent.feed.ItemTexts;
import com.aiagent.feed.RecommendationVerticle;
import com.aiagent.generation.GenerationVerticle;
import com.aiagent.http.HttpVerticle;
import com.aiagent.llm.LlmVerticle;
import com.aiagent.media.MediaVerticle;
import com.aiagent.search.HybridSearch;
import com.aiagent.seed.SeedVerticle;
import com.aiagent.store.Stores;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the modules in order: providers, then the feed and generation modules, then the seed
 * (which runs to completion and is undeployed), the retention of generated rows, and the HTTP API
 * last, so it never serves from an empty store. Each verticle gets only the stores it uses. On a
 * clustered bus a member may run only some modules ({@code MODULES}); the others answer from the
 * members that run them.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final Vertx vertx;
  private final AppConfig config;
  private final Stores stores;
  private final RedisCache redis;
  private final CandidateWarmer warmer;
  private final ItemTexts texts;
  private final HybridSearch search;
  private final Deque<String> deployments = new ArrayDeque<>();

  public Application(Vertx vertx, AppConfig config, Stores stores) {
    this.vertx = vertx;
    this.config = config;
    this.stores = stores;
    this.redis = new RedisCache(config.redis());
    this.warmer =
        new CandidateWarmer(config.feed(), config.ads(), stores.feed(), Clock.systemUTC());
    this.texts = new ItemTexts(config.feed().texts(), stores.feed());
    this.search = new HybridSearch(vertx, config.search(), stores.catalog(), stores.vectors());
  }

  public Future<Void> start() {
    long started = System.nanoTime();
    return deploy(() -> redis, 1)
        .compose(v -> deployIf("embedding", () -> new EmbeddingVerticle(config, redis), 1))
        .compose(v -> deployIf("llm", () -> new LlmVerticle(config), 1))
        .compose(v -> deployIf("media", () -> new MediaVerticle(config, stores.media()), 1))
        .compose(
            v ->
                deployIf(
                    "feed",
                    () -> new RecommendationVerticle(config, stores.feed(), redis, warmer, texts),
                    config.feed().instances()))
        .compose(
            v -> deployIf("feed", () -> new FeedUpkeepVerticle(config.feed(), redis, warmer), 1))
        .compose(
            v ->
                deployIf(
                    "events",
                    () ->
                        new EventsVerticle(
                            config,
                            stores.catalog(),
                            stores.vectors(),
                            stores.events(),
                            stores.posts()),
                    1))
        .compose(
            v ->
                deployIf(
                    "generation",
                    () ->
                        new GenerationVerticle(
                            config,
                            stores.catalog(),
                            stores.vectors(),
                            stores.posts(),
                            redis,
                            search),
                    1))
        // The seed embeds through the embedding module: a member without it (a picture worker)
        // leaves the schema and the demo data to the members that have it.
        .compose(
            v ->
                config.cluster().runs("embedding")
                    ? vertx
                        .deployVerticle(new SeedVerticle(config, stores))
                        .compose(vertx::undeploy)
                    : Future.succeededFuture())
        // After the seed, so the first index holds the catalogue; before HTTP, so posts use it.
        .compose(
            v -> config.cluster().runs("generation") ? search.start() : Future.succeededFuture())
        .compose(
            v ->
                deployIf(
                    "generation",
                    () ->
                        new RetentionVerticle(
                            config.retention(), stores.posts(), stores.media(), Clock.systemUTC()),
                    1))
        .compose(v -> deployIf("http", () -> new HttpVerticle(config), httpInstances()))
        .onSuccess(
            v ->
                LOG.info(
                    "ai-agent ({}) serving on {}:{} after {} ms",
                    config.env(),
                    config.http().host(),
                    config.http().port(),
                    (System.nanoTime() - started) / 1_000_000));
  }

  /**
   * Undeploys in reverse order: HTTP first (it drains in-flight requests within the grace period),
   * then the modules those requests needed, then the stores' connections. The caller owns the
   * Vert.x instance and closes it.
   */
  public Future<Void> stop() {
    search.stop();
    Future<Void> chain = Future.succeededFuture();
    while (!deployments.isEmpty()) {
      String id = deployments.pop();
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain.eventually(() -> stores.admin().close());
  }

  /** Deploys a module's verticle when this member runs that module ({@code MODULES}). */
  private Future<Void> deployIf(
      String module, Supplier<? extends Deployable> verticle, int instances) {
    return config.cluster().runs(module) ? deploy(verticle, instances) : Future.succeededFuture();
  }

  private Future<Void> deploy(Supplier<? extends Deployable> verticle, int instances) {
    return vertx
        .deployVerticle(verticle, new DeploymentOptions().setInstances(instances))
        .onSuccess(deployments::push)
        .mapEmpty();
  }

  private int httpInstances() {
    int configured = config.http().instances();
    return configured > 0 ? configured : VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE / 2;
  }
}
