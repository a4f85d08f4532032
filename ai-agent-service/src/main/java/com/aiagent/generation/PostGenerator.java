package com.aiagent.generation;

import com.aiagent.bus.BusJson;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.config.Caller;
import com.aiagent.llm.Language;
import com.aiagent.llm.WrittenPost;
import com.aiagent.media.GeneratedImage;
import com.aiagent.metrics.AppMetrics;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.PostStore;
import com.aiagent.store.StoredPost;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generate-feed pipeline: check the request, look the user up, count it against the caller's
 * rate limit, retrieve the items, have the LLM module write the post and the media module draw it,
 * keep the post. Every step runs within the request's {@link RequestBudget}; a request refused or
 * out of time stores nothing. A post that cannot be stored is not answered either (503): the client
 * never holds a post that {@code GET /v1/ai/feeds/{id}} does not know. With {@code publish} a post
 * with text is kept as published, into its author's followers' feeds; a post whose picture failed
 * is published without one.
 */
final class PostGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(PostGenerator.class);

  private final AppConfig.Generation config;
  private final AppConfig.Auth auth;
  private final String mediaProvider;
  private final CatalogStore catalog;
  private final PostStore posts;
  private final ItemRetriever retriever;
  private final PostAssembler assembler;
  private final PeerModules peers;
  private final RateLimiter rateLimiter;
  private final Clock clock;
  private final LongSupplier nanoTime;

  PostGenerator(
      AppConfig.Generation config,
      AppConfig.Auth auth,
      String mediaProvider,
      CatalogStore catalog,
      PostStore posts,
      ItemRetriever retriever,
      PostAssembler assembler,
      PeerModules peers,
      RateLimiter rateLimiter,
      Clock clock,
      LongSupplier nanoTime) {
    this.config = config;
    this.auth = auth;
    this.mediaProvider = mediaProvider;
    this.catalog = catalog;
    this.posts = posts;
    this.retriever = retriever;
    this.assembler = assembler;
    this.peers = peers;
    this.rateLimiter = rateLimiter;
    this.clock = clock;
    this.nanoTime = nanoTime;
  }

  /** One generate-feed, timed by the writer that wrote it (or the failure's code). */
  Future<GeneratedPost> generate(GenerateFeedRequest request) {
    MeterRegistry registry = AppMetrics.registry();
    Timer.Sample sample = Timer.start(registry);
    Future<GeneratedPost> done;
    try {
      done = pipeline(request);
    } catch (RuntimeException e) {
      done = Future.failedFuture(e);
    }
    return done.andThen(
        result -> {
          String writer =
              result.succeeded()
                      && result.result().providers() != null
                      && result.result().providers().llm() != null
                  ? result.result().providers().llm()
                  : "none";
          String outcome =
              result.succeeded()
                  ? "ok"
                  : result.cause() instanceof ServiceFailure f ? f.code().wireName() : "internal";
          sample.stop(registry.timer("ai.agent.generation", "llm", writer, "outcome", outcome));
          if (result.succeeded()) {
            registry
                .counter(
                    "ai.agent.images",
                    "status",
                    java.util.Objects.requireNonNullElse(result.result().imageStatus(), "none"))
                .increment();
          }
        });
  }

  private Future<GeneratedPost> pipeline(GenerateFeedRequest request) {
    RequestBudget budget = RequestBudget.start(nanoTime, config.budgetMs(), config.saveTimeoutMs());
    String userId = RequestChecks.userId(request.userId());
    String prompt = RequestChecks.prompt(request.prompt(), config.maxPromptChars()).strip();
    Language language = Language.detect(prompt);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return catalog
        .user(userId)
        .compose(
            user ->
                user.map(Future::succeededFuture)
                    .orElseGet(
                        () ->
                            Future.failedFuture(
                                ServiceFailure.notFound("unknown user: " + userId))))
        // Counted only once the user is known: unknown ids leave no rate-limit state behind.
        .compose(user -> withinRateLimit(request, userId, now).map(user))
        .compose(
            user ->
                retriever.retrieve(
                    user, prompt, now, budget.forStep("embedding", config.embedTimeoutMs())))
        .compose(
            found ->
                peers
                    .writePost(
                        assembler.writeRequest(prompt, language, found),
                        budget.forStep("writing", config.writeTimeoutMs()))
                    .compose(
                        written ->
                            draw(request, written, found, budget)
                                .map(
                                    image ->
                                        assembler.post(
                                            userId, prompt, language, found, written, image, now))))
        .map(post -> request.publishes() && publishable(post) ? post.withPublished(true) : post)
        .compose(post -> save(post, budget))
        .map(post -> assembler.forClient(post, request.baseUrl()));
  }

  Future<GeneratedPost> find(GetPostRequest request) {
    if (request.id() == null || request.id().isBlank()) {
      throw ServiceFailure.badRequest("id is required");
    }
    return posts
        .find(request.id())
        .map(
            stored ->
                stored
                    .map(s -> BusJson.fromJsonObject(s.document(), GeneratedPost.class))
                    .orElseThrow(
                        () -> ServiceFailure.notFound("no generated post " + request.id())))
        .map(post -> assembler.forClient(post, request.baseUrl()));
  }

  /** Only a post the writer gave words to goes into other users' feeds. */
  static boolean publishable(GeneratedPost post) {
    return post.title() != null
        && !post.title().isBlank()
        && post.content() != null
        && !post.content().isBlank();
  }

  /**
   * Counted per authenticated caller, at its own limit when config gives one (a front end acting
   * for many users needs more than one user's share); without a caller, per user.
   */
  private Future<Void> withinRateLimit(GenerateFeedRequest request, String userId, Instant now) {
    boolean hasCaller = request.caller() != null && !request.caller().isBlank();
    int limit =
        hasCaller
            ? auth.callers().stream()
                .filter(c -> c.name().equals(request.caller()))
                .mapToInt(Caller::perMinute)
                .findFirst()
                .orElse(config.rateLimitPerMinute())
            : config.rateLimitPerMinute();
    if (limit == 0) {
      return Future.succeededFuture();
    }
    String key = hasCaller ? "caller:" + request.caller() : "user:" + userId;
    return rateLimiter
        .acquire(key, limit, now)
        .compose(
            decision ->
                decision.allowed()
                    ? Future.succeededFuture()
                    : Future.failedFuture(
                        ServiceFailure.rateLimited(
                            "at most " + limit + " generated posts a minute per caller",
                            decision.retryAfterSeconds())));
  }

  private Future<GeneratedImage> draw(
      GenerateFeedRequest request, WrittenPost written, Retrieved found, RequestBudget budget) {
    if (Boolean.FALSE.equals(request.generateImage())) {
      return Future.succeededFuture(new GeneratedImage(null, "not_requested", "none"));
    }
    return peers
        .drawImage(
            assembler.imageRequest(written, found),
            budget.forStep("drawing", config.drawTimeoutMs()))
        // No picture never costs the post: the media module failing or timing out is a status.
        .recover(
            error -> {
              LOG.warn("post drawn without a picture: {}", error.getMessage());
              return Future.succeededFuture(
                  new GeneratedImage(null, GeneratedImage.FAILED, mediaProvider));
            });
  }

  private Future<GeneratedPost> save(GeneratedPost post, RequestBudget budget) {
    budget.check("saving the post");
    return posts
        .save(
            new StoredPost(
                post.id(),
                post.userId(),
                post.createdAt(),
                BusJson.toJsonObject(post),
                Boolean.TRUE.equals(post.published())))
        .map(post)
        .recover(
            error -> {
              LOG.warn("generated post {} not stored: {}", post.id(), error.toString());
              return Future.failedFuture(
                  new ServiceFailure(
                      ErrorCode.UNAVAILABLE, "the post could not be stored; try again"));
            });
  }
}
