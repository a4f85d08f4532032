package com.aiagent.generation;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.BusJson;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.embedding.EmbedResult;
import com.aiagent.embedding.EmbeddingClient;
import com.aiagent.embedding.TaskType;
import com.aiagent.llm.Language;
import com.aiagent.llm.LlmClient;
import com.aiagent.llm.WritePostRequest;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GenerateImageRequest;
import com.aiagent.media.GeneratedImage;
import com.aiagent.media.MediaClient;
import com.aiagent.media.MediaNames;
import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.ItemType;
import com.aiagent.store.Product;
import com.aiagent.store.StoredPost;
import com.aiagent.store.Stores;
import com.aiagent.store.User;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorQuery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generate-feed pipeline on {@code generation.generate-feed}: check the request, embed the
 * prompt, retrieve the closest products and live campaigns, have the LLM module write the post from
 * them, have the media module draw it, keep the post. Nothing is stored for a refused request.
 */
public final class GenerationVerticle extends VerticleBase {
  private static final String CURRENCY = "KRW";
  private static final Logger LOG = LoggerFactory.getLogger(GenerationVerticle.class);

  /** {@code providers.embedding} when the user's stored vector replaced the prompt's. */
  static final String PROFILE_FALLBACK = "user-profile-fallback";

  /** Campaigns fetched per one shown, so those promoting a retrieved product can be preferred. */
  private static final int CAMPAIGN_OVERFETCH = 4;

  private static final Duration RATE_WINDOW = Duration.ofMinutes(1);

  private final AppConfig config;
  private final Stores stores;
  private EmbeddingClient embedding;
  private LlmClient llm;
  private MediaClient media;

  private final RedisCache redis;
  private RateLimiter rateLimiter;

  public GenerationVerticle(AppConfig config, Stores stores, RedisCache redis) {
    this.config = config;
    this.stores = stores;
    this.redis = redis;
  }

  @Override
  public Future<?> start() {
    int limit = config.generation().rateLimitPerMinute();
    rateLimiter =
        redis.enabled()
            ? new RedisRateLimiter(redis, limit, RATE_WINDOW)
            : new LocalRateLimiter(limit, RATE_WINDOW);
    GenerationClient.registerCodecs(vertx);
    embedding = new EmbeddingClient(vertx, config.bus().embeddingTimeoutMs());
    llm = new LlmClient(vertx, config.bus().llmTimeoutMs());
    media = new MediaClient(vertx, config.bus().mediaTimeoutMs());
    BusEndpoint.serve(
        vertx, GenerationAddresses.GENERATE_FEED, GenerateFeedRequest.class, this::generate);
    BusEndpoint.serve(vertx, GenerationAddresses.GET_POST, GetPostRequest.class, this::getPost);
    BusEndpoint.serveHealth(
        vertx,
        GenerationAddresses.HEALTH,
        () ->
            Future.succeededFuture(
                HealthStatus.up(
                    true, Map.of("post_store", stores.posts().getClass().getSimpleName()))));
    return Future.succeededFuture();
  }

  private record Retrieved(
      User user,
      EmbedResult query,
      List<Match<Product>> products,
      List<Match<Campaign>> campaigns,
      List<Category> categories) {}

  private record Match<T>(T item, double similarity) {}

  private Future<GeneratedPost> generate(GenerateFeedRequest asked) {
    GenerateFeedRequest request = validated(asked);
    String prompt = request.prompt().strip();
    Language language = Language.detect(prompt);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return withinRateLimit(request.userId(), now)
        .compose(v -> stores.catalog().user(request.userId()))
        .compose(
            user ->
                user.map(Future::succeededFuture)
                    .orElseGet(
                        () ->
                            Future.failedFuture(
                                ServiceFailure.notFound("unknown user: " + request.userId()))))
        .compose(user -> retrieve(user, prompt, now))
        .compose(
            found ->
                llm.writePost(
                        new WritePostRequest(
                            prompt,
                            language,
                            found.user(),
                            found.products().stream().map(Match::item).toList(),
                            found.campaigns().stream().map(Match::item).toList(),
                            found.categories()))
                    .compose(
                        written ->
                            draw(request, written, found)
                                .map(
                                    image ->
                                        assemble(
                                            request, prompt, language, found, written, image,
                                            now))))
        .compose(
            post ->
                stores
                    .posts()
                    .save(
                        new StoredPost(
                            post.id(), post.userId(), post.createdAt(), BusJson.toJsonObject(post)))
                    .map(post))
        .map(post -> post.withImageBase(baseUrl(request.baseUrl())));
  }

  private Future<Void> withinRateLimit(String userId, Instant now) {
    int limit = config.generation().rateLimitPerMinute();
    if (limit == 0) {
      return Future.succeededFuture();
    }
    return rateLimiter
        .acquire(userId, now)
        .compose(
            decision ->
                decision.allowed()
                    ? Future.succeededFuture()
                    : Future.failedFuture(
                        ServiceFailure.rateLimited(
                            "at most " + limit + " generated posts a minute per user",
                            decision.retryAfterSeconds())));
  }

  /** The request with its user id in canonical form; bad fields fail with bad_request. */
  private GenerateFeedRequest validated(GenerateFeedRequest request) {
    String userId = RequestChecks.userId(request.userId());
    RequestChecks.prompt(request.prompt(), config.generation().maxPromptChars());
    return new GenerateFeedRequest(
        userId, request.prompt(), request.generateImage(), request.baseUrl());
  }

  private Future<Retrieved> retrieve(User user, String prompt, Instant now) {
    return embedding
        .embed(List.of(prompt), TaskType.RETRIEVAL_QUERY)
        .recover(error -> profileQuery(user, error))
        .compose(
            query -> {
              float[] vector = query.vectors().get(0);
              Future<List<VectorMatch>> productHits =
                  stores
                      .vectors()
                      .search(
                          VectorQuery.of(ItemType.PRODUCT, vector, config.generation().products()));
              Future<List<VectorMatch>> campaignHits =
                  config.generation().campaigns() == 0
                      ? Future.succeededFuture(List.of())
                      : stores
                          .vectors()
                          .search(
                              VectorQuery.of(
                                      ItemType.CAMPAIGN,
                                      vector,
                                      config.generation().campaigns() * CAMPAIGN_OVERFETCH)
                                  .liveAt(now));
              Future<List<Category>> categories = stores.catalog().categories();
              return Future.all(productHits, campaignHits, categories)
                  .compose(
                      all -> {
                        Future<List<Product>> products =
                            stores.catalog().products(ids(productHits.result()));
                        Future<List<Campaign>> campaigns =
                            stores.catalog().campaigns(ids(campaignHits.result()));
                        return Future.all(products, campaigns)
                            .map(
                                loaded ->
                                    new Retrieved(
                                        user,
                                        query,
                                        withSimilarity(
                                            products.result(), productHits.result(), Product::id),
                                        pickCampaigns(
                                            withSimilarity(
                                                campaigns.result(),
                                                campaignHits.result(),
                                                Campaign::id),
                                            ids(productHits.result())),
                                        categories.result()));
                      });
            });
  }

  /** Campaigns for the retrieved products first, then the closest others, up to the limit. */
  private List<Match<Campaign>> pickCampaigns(
      List<Match<Campaign>> candidates, List<String> productIds) {
    return candidates.stream()
        .sorted(
            Comparator.comparing((Match<Campaign> m) -> !productIds.contains(m.item().productId()))
                .thenComparing(Match::similarity, Comparator.reverseOrder()))
        .limit(config.generation().campaigns())
        .toList();
  }

  /**
   * When the prompt cannot be embedded (the provider is down, or its breaker open), the user's own
   * stored vector stands in: it lives in the same vector space, where a local vector would not.
   */
  private Future<EmbedResult> profileQuery(User user, Throwable error) {
    LOG.warn(
        "prompt not embedded ({}); retrieving by {}'s profile vector",
        error.getMessage(),
        user.id());
    return stores
        .vectors()
        .vectors(List.of(user.id()))
        .compose(
            vectors ->
                vectors.containsKey(user.id())
                    ? Future.succeededFuture(
                        new EmbedResult(
                            PROFILE_FALLBACK,
                            config.embedding().activeModel(),
                            config.embedding().dimension(),
                            List.of(vectors.get(user.id()))))
                    : Future.failedFuture(error));
  }

  private static List<String> ids(List<VectorMatch> hits) {
    return hits.stream().map(VectorMatch::id).toList();
  }

  private static <T> List<Match<T>> withSimilarity(
      List<T> items, List<VectorMatch> hits, java.util.function.Function<T, String> id) {
    Map<String, Double> similarity =
        hits.stream().collect(Collectors.toMap(VectorMatch::id, VectorMatch::similarity));
    return items.stream().map(item -> new Match<>(item, similarity.get(id.apply(item)))).toList();
  }

  private Future<GeneratedImage> draw(
      GenerateFeedRequest request, WrittenPost written, Retrieved found) {
    if (Boolean.FALSE.equals(request.generateImage())) {
      return Future.succeededFuture(new GeneratedImage(null, "not_requested", "none"));
    }
    return media
        .generate(
            new GenerateImageRequest(
                written.title(),
                written.imagePrompt(),
                found.products().stream().map(Match::item).toList(),
                found.categories()))
        // No picture never costs the post: the media module failing or timing out is a status.
        .otherwise(new GeneratedImage(null, GeneratedImage.FAILED, config.media().provider()));
  }

  private GeneratedPost assemble(
      GenerateFeedRequest request,
      String prompt,
      Language language,
      Retrieved found,
      WrittenPost written,
      GeneratedImage image,
      Instant now) {
    List<GeneratedPost.ProductSummary> products =
        found.products().stream()
            .filter(m -> written.productIds().contains(m.item().id()))
            .map(
                m ->
                    new GeneratedPost.ProductSummary(
                        m.item().id(),
                        m.item().nameKo(),
                        m.item().nameEn(),
                        m.item().category(),
                        m.item().price(),
                        CURRENCY,
                        round(m.similarity())))
            .toList();
    List<GeneratedPost.CampaignSummary> campaigns =
        found.campaigns().stream()
            .filter(m -> written.campaignIds().contains(m.item().id()))
            .map(
                m ->
                    new GeneratedPost.CampaignSummary(
                        m.item().id(),
                        m.item().titleKo(),
                        m.item().titleEn(),
                        m.item().productId(),
                        m.item().advertiser(),
                        round(m.similarity())))
            .toList();
    return new GeneratedPost(
        UUID.randomUUID().toString(),
        request.userId(),
        prompt,
        language.name().toLowerCase(java.util.Locale.ROOT),
        written.title(),
        written.content(),
        written.hashtags(),
        written.callToAction(),
        products,
        campaigns,
        image.file() == null ? null : MediaNames.PUBLIC_PATH + image.file(),
        image.status(),
        new GeneratedPost.Providers(found.query().provider(), written.provider(), image.provider()),
        now,
        Boolean.TRUE,
        config.generation().aiLabel());
  }

  private Future<GeneratedPost> getPost(GetPostRequest request) {
    if (request.id() == null || request.id().isBlank()) {
      throw ServiceFailure.badRequest("id is required");
    }
    return stores
        .posts()
        .find(request.id())
        .map(
            stored ->
                stored
                    .map(s -> BusJson.fromJsonObject(s.document(), GeneratedPost.class))
                    .orElseThrow(
                        () -> ServiceFailure.notFound("no generated post " + request.id())))
        .map(post -> post.withImageBase(baseUrl(request.baseUrl())));
  }

  /** Configured public URL first (a proxy or CDN knows better), then the caller's origin. */
  private String baseUrl(String callerOrigin) {
    if (config.http().publicBaseUrl() != null) {
      return config.http().publicBaseUrl();
    }
    if (callerOrigin != null && !callerOrigin.isBlank()) {
      return callerOrigin;
    }
    return "http://localhost:" + config.http().port();
  }

  private static double round(double value) {
    return Math.round(value * 10_000) / 10_000.0;
  }
}
