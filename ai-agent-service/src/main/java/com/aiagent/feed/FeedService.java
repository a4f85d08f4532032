package com.aiagent.feed;

import com.aiagent.bus.OutageLog;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import com.aiagent.store.CandidateSpec;
import com.aiagent.store.FeedState;
import com.aiagent.store.FeedStore;
import com.aiagent.store.FollowedPost;
import com.aiagent.store.FollowedPostsQuery;
import com.aiagent.store.ItemText;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves feed pages: a first page comes from the ranking cache when it is fresh, else it is ranked
 * from the user's stored candidates (built on a miss) and their live state; each page then fetches
 * the words of only the items it shows ({@link ItemTexts}) and, in the same round, the newest
 * published AI-generated posts of the authors the user follows, which {@link AiPostMerger} places
 * among them. Those posts are read per page (fan-out on read), never kept in a cached ranking: a
 * publish reaches every follower's next page without invalidating any ranking, at the cost of one
 * indexed read per page. One instance per feed verticle, used from its event loop.
 */
final class FeedService {
  private static final Logger LOG = LoggerFactory.getLogger(FeedService.class);

  /**
   * Pages served, by where their ranking came from ({@code cache} or {@code ranked} now), and the
   * time to rank one user's feed; registered once, so a page pays no meter lookup.
   */
  private record Meters(
      Counter pagesCached, Counter pagesRanked, Timer rankedOk, Timer rankedFailed) {
    static Meters of(MeterRegistry registry) {
      return new Meters(
          registry.counter("ai.agent.feed.pages", "source", "cache"),
          registry.counter("ai.agent.feed.pages", "source", "ranked"),
          registry.timer("ai.agent.feed.ranking", "outcome", "ok"),
          registry.timer("ai.agent.feed.ranking", "outcome", "failed"));
    }
  }

  private final Meters meters = Meters.of(AppMetrics.registry());

  /** While the AI-post read fails, one warning a minute, not one per page. */
  private static final long OUTAGE_LOG_MS = 60_000;

  /** Past this share of its TTL a served ranking is ranked again in the background. */
  private static final double REFRESH_AHEAD = 0.6;

  private final AppConfig.Feed config;
  private final AppConfig.Ads ads;
  private final FeedStore store;
  private final FeedCache cache;
  private final ItemTexts texts;
  private final FeedRanker ranker;
  private final CandidateWarmer warmer;
  private final AiPostMerger merger;
  private final Clock clock;
  private final SingleFlight<String, FeedCache.Ranked> rankings = new SingleFlight<>();
  private final OutageLog outages;

  FeedService(
      AppConfig.Feed config,
      AppConfig.Ads ads,
      FeedStore store,
      FeedCache cache,
      ItemTexts texts,
      CandidateWarmer warmer,
      AiPostMerger merger,
      Clock clock) {
    this.config = config;
    this.merger = merger;
    this.outages = new OutageLog(LOG, OUTAGE_LOG_MS, () -> clock.millis());
    this.ads = ads;
    this.store = store;
    this.cache = cache;
    this.texts = texts;
    this.ranker = new FeedRanker(config, ads);
    this.warmer = warmer;
    this.clock = clock;
  }

  Future<FeedPage> page(FeedRequest request) {
    String userId = RequestChecks.userId(request.userId());
    int limit = request.limit() == null ? config.defaultLimit() : request.limit();
    if (limit < 1 || limit > config.maxLimit()) {
      throw ServiceFailure.badRequest("limit must be between 1 and " + config.maxLimit());
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (request.cursor() == null) {
      return cache
          .fresh(userId, now)
          .compose(
              lookup ->
                  lookup
                      .ranked()
                      // Ranked without the graph: kept for the next pages' cursors, but a first
                      // page asks the graph again.
                      .filter(ranked -> !ranked.graphMissing())
                      .map(ranked -> refreshAhead(userId, ranked, now, lookup.token()))
                      .orElseGet(() -> rankAndKeep(userId, now, lookup.token()).map(Served::now)))
          .compose(served -> page(userId, served, new FeedCursor(0, now, limit, userId), limit));
    }
    FeedCursor cursor = FeedCursor.decode(request.cursor(), now, userId, limit);
    if (cursor.asOf().plusMillis(config.cursorTtlMs()).isBefore(now)) {
      throw ServiceFailure.badRequest("cursor expired; start again from the first page");
    }
    return cache
        .at(userId, cursor.asOf())
        .compose(
            cached ->
                cached
                    .map(ranked -> Future.succeededFuture(Served.cached(ranked)))
                    .orElseGet(
                        () ->
                            rankings
                                .run(
                                    userId + "@" + cursor.asOf().toEpochMilli(),
                                    () -> rank(userId, cursor.asOf()))
                                .map(Served::now)))
        .compose(served -> page(userId, served, cursor, limit));
  }

  /** The user's data changed: no ranking begun before this may be cached or joined. */
  void userChanged(String userId) {
    cache.invalidate(userId);
    rankings.forget(userId);
    warmer.changed(userId);
  }

  private Future<Served> refreshAhead(
      String userId, FeedCache.Ranked ranked, Instant now, FeedCache.Token token) {
    long ageMs = now.toEpochMilli() - ranked.asOf().toEpochMilli();
    if (ageMs > config.cacheTtlMs() * REFRESH_AHEAD) {
      rankAndKeep(userId, now, token);
    }
    return Future.succeededFuture(Served.cached(ranked));
  }

  /** Ranks once per user however many first pages ask at once, and caches the result. */
  private Future<FeedCache.Ranked> rankAndKeep(String userId, Instant asOf, FeedCache.Token token) {
    return rankings.run(
        userId,
        () -> rank(userId, asOf).compose(ranked -> cache.put(userId, ranked, token).map(ranked)));
  }

  private Future<FeedCache.Ranked> rank(String userId, Instant asOf) {
    Timer.Sample sample = Timer.start();
    return ranking(userId, asOf)
        .andThen(
            result -> sample.stop(result.succeeded() ? meters.rankedOk() : meters.rankedFailed()));
  }

  private Future<FeedCache.Ranked> ranking(String userId, Instant asOf) {
    LocalDate day = LocalDate.ofInstant(asOf, ads.zone());
    Future<Optional<FeedState>> state =
        config.candidates().enabled()
            ? store.state(userId, day).compose(found -> freshEnough(userId, found, asOf, day))
            : store.build(userId, CandidateSpec.forFeed(config, asOf, day, false));
    return state.map(
        found -> {
          FeedState known =
              found.orElseThrow(() -> ServiceFailure.notFound("unknown user: " + userId));
          return new FeedCache.Ranked(asOf, ranker.rank(known, asOf), known.graphMissing());
        });
  }

  /** Stored candidates when they are young enough; else built now (and stored). */
  private Future<Optional<FeedState>> freshEnough(
      String userId, Optional<FeedState> found, Instant asOf, LocalDate day) {
    if (found.isEmpty()) {
      return Future.succeededFuture(found);
    }
    var candidates = found.get().candidates();
    if (candidates == null
        || candidates.builtAt().plusMillis(config.candidates().maxAgeMs()).isBefore(asOf)) {
      return store
          .build(userId, CandidateSpec.forFeed(config, asOf, day, true))
          .onSuccess(built -> warmer.seen(userId, asOf));
    }
    warmer.seen(userId, candidates.builtAt());
    return Future.succeededFuture(found);
  }

  /** A ranking and whether it was made in this request from the user's live state. */
  private record Served(FeedCache.Ranked ranked, boolean rankedNow) {
    static Served now(FeedCache.Ranked ranked) {
      return new Served(ranked, true);
    }

    static Served cached(FeedCache.Ranked ranked) {
      return new Served(ranked, false);
    }
  }

  /**
   * One page from {@code at}: the ranked items from its offset, and the followed authors' AI posts
   * from its AI position, read together; an AI-post read that fails costs the page those posts only
   * (logged), and the cursor then leaves their position where it was.
   */
  private Future<FeedPage> page(String userId, Served served, FeedCursor at, int limit) {
    (served.rankedNow() ? meters.pagesRanked() : meters.pagesCached()).increment();
    FeedCache.Ranked ranked = served.ranked();
    List<RankedItem> feed = ranked.items();
    int from = Math.min(at.offset(), feed.size());
    List<RankedItem> slice = feed.subList(from, Math.min(from + limit, feed.size()));
    Future<Map<String, ItemText>> words =
        slice.isEmpty()
            ? Future.succeededFuture(Map.of())
            : texts.of(userId, slice.stream().map(RankedItem::id).toList(), served.rankedNow());
    Future<List<FollowedPost>> posts = followedPosts(userId, ranked.asOf(), at, limit);
    return Future.all(words, posts)
        .map(
            all -> {
              AiPostMerger.Merged merged =
                  merger.merge(
                      slice, words.result(), posts.result(), limit, ranked.asOf(), this::item);
              int nextOffset = from + merged.rankedTaken();
              FollowedPost last = merged.lastAi();
              String next =
                  nextOffset < feed.size() || merged.moreAi()
                      ? new FeedCursor(
                              nextOffset,
                              ranked.asOf(),
                              limit,
                              userId,
                              last == null ? at.aiUpTo() : last.createdAt(),
                              last == null ? at.aiAfterId() : last.id())
                          .encode()
                      : null;
              return new FeedPage(
                  userId,
                  merged.items(),
                  next,
                  ranked.graphMissing() ? List.of(FeedPage.GRAPH) : null);
            });
  }

  private Future<List<FollowedPost>> followedPosts(
      String userId, Instant asOf, FeedCursor at, int limit) {
    AppConfig.AiPosts ai = config.aiPosts();
    if (ai.perPage() == 0) {
      return Future.succeededFuture(List.of());
    }
    FollowedPostsQuery query =
        new FollowedPostsQuery(
            asOf.minus(Duration.ofHours(ai.maxAgeHours())),
            at.aiUpTo(),
            at.aiAfterId(),
            ai.maxAuthors(),
            merger.readLimit(limit));
    return store
        .followedPosts(userId, query)
        .recover(
            error -> {
              outages.warn("followed AI posts", error);
              return Future.succeededFuture(List.of());
            });
  }

  private FeedItem item(RankedItem r, ItemText text) {
    boolean ad = r.isAd();
    return new FeedItem(
        r.id(),
        r.type(),
        text.titleKo(),
        text.titleEn(),
        text.bodyKo(),
        text.bodyEn(),
        r.category(),
        r.score(),
        r.reasons(),
        r.authorId(),
        r.createdAt(),
        ad ? r.id() : null,
        r.productId(),
        r.advertiser(),
        ad ? Boolean.TRUE : null,
        ad ? ads.label() : null,
        null,
        null,
        null,
        null);
  }
}
