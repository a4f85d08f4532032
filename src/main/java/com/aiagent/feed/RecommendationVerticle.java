package com.aiagent.feed;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.HealthStatus;
import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.cache.RedisCache;
import com.aiagent.config.AppConfig;
import com.aiagent.store.Campaign;
import com.aiagent.store.Content;
import com.aiagent.store.EdgeType;
import com.aiagent.store.ItemType;
import com.aiagent.store.Stores;
import com.aiagent.store.User;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorMath;
import com.aiagent.store.VectorQuery;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code feed.get}: gathers a user's taste vector and graph signals from the stores, ranks
 * with {@link FeedRanker} as of the walk's instant, and cuts the requested page.
 */
public final class RecommendationVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RecommendationVerticle.class);
  private final AppConfig.Feed config;
  private final Stores stores;
  private FeedRanker ranker;
  private FeedCache cache;

  private static final double REFRESH_AHEAD = 0.6;

  /** Rankings under way on this instance's event loop, by user and instant. */
  private final Map<String, Future<FeedCache.Ranked>> inFlight = new HashMap<>();

  private final RedisCache redis;

  public RecommendationVerticle(AppConfig.Feed config, Stores stores, RedisCache redis) {
    this.config = config;
    this.stores = stores;
    this.redis = redis;
  }

  @Override
  public Future<?> start() {
    ranker = new FeedRanker(config);
    Duration ttl = Duration.ofMillis(config.cacheTtlMs());
    LocalFeedCache near = new LocalFeedCache(ttl, config.cacheMaxUsers());
    cache = redis.enabled() ? new TieredFeedCache(near, new RedisFeedCache(redis, ttl)) : near;
    FeedClient.registerCodecs(vertx);
    BusEndpoint.serve(vertx, FeedAddresses.GET, FeedRequest.class, this::feed);
    vertx
        .eventBus()
        .<String>consumer(FeedAddresses.USER_CHANGED, message -> cache.drop(message.body()));
    BusEndpoint.serveHealth(vertx, FeedAddresses.HEALTH, this::health);
    return Future.succeededFuture();
  }

  private Future<HealthStatus> health() {
    return Future.all(
            stores.vectors().count(ItemType.CONTENT),
            stores.catalog().campaignCount(),
            stores.graph().count())
        .map(
            counts ->
                HealthStatus.up(
                    true,
                    Map.of(
                        "vector_store", stores.vectors().getClass().getSimpleName(),
                        "graph_store", stores.graph().getClass().getSimpleName(),
                        "contents", counts.resultAt(0),
                        "campaigns", counts.resultAt(1),
                        "edges", counts.resultAt(2))))
        .otherwise(error -> HealthStatus.down(true, Map.of("error", "stores unreachable")));
  }

  private Future<FeedPage> feed(FeedRequest request) {
    String userId = RequestChecks.userId(request.userId());
    int limit = request.limit() == null ? config.defaultLimit() : request.limit();
    if (limit < 1 || limit > config.maxLimit()) {
      throw ServiceFailure.badRequest("limit must be between 1 and " + config.maxLimit());
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    if (request.cursor() == null) {
      return cache
          .fresh(userId, now)
          .compose(
              cached ->
                  cached
                      .map(ranked -> refreshAhead(userId, ranked, now))
                      .orElseGet(() -> rank(userId, now, true)))
          .map(ranked -> page(userId, ranked, 0, limit));
    }
    FeedCursor cursor = FeedCursor.decode(request.cursor(), now);
    if (cursor.asOf().plusMillis(config.cursorTtlMs()).isBefore(now)) {
      throw ServiceFailure.badRequest("cursor expired; start again from the first page");
    }
    return cache
        .at(userId, cursor.asOf())
        .compose(
            cached ->
                cached
                    .map(Future::succeededFuture)
                    .orElseGet(() -> rank(userId, cursor.asOf(), false)))
        .map(ranked -> page(userId, ranked, cursor.offset(), limit));
  }

  /**
   * Serves a cached ranking and, once it is past {@link #REFRESH_AHEAD} of its TTL, ranks again in
   * the background, so a user who keeps scrolling never waits for an expired entry.
   */
  private Future<FeedCache.Ranked> refreshAhead(
      String userId, FeedCache.Ranked ranked, Instant now) {
    long ageMs = now.toEpochMilli() - ranked.asOf().toEpochMilli();
    if (ageMs > config.cacheTtlMs() * REFRESH_AHEAD) {
      rank(userId, now, true)
          .onFailure(e -> LOG.warn("refreshing {}'s feed failed: {}", userId, e.getMessage()));
    }
    return Future.succeededFuture(ranked);
  }

  /**
   * Ranks once per user and instant however many requests ask at the same time, so an expired cache
   * entry does not send every waiting request to the stores at once.
   */
  private Future<FeedCache.Ranked> rank(String userId, Instant asOf, boolean firstPage) {
    // Any first-page ranking under way is fresh enough; a cursor needs the one of its instant.
    String key = firstPage ? userId : userId + "@" + asOf.toEpochMilli();
    Future<FeedCache.Ranked> running = inFlight.get(key);
    if (running != null) {
      return running;
    }
    Future<FeedCache.Ranked> ranking =
        stores
            .catalog()
            .user(userId)
            .compose(
                user ->
                    user.map(u -> rankFor(u, asOf))
                        .orElseGet(
                            () ->
                                Future.failedFuture(
                                    ServiceFailure.notFound("unknown user: " + userId))))
            .map(items -> new FeedCache.Ranked(asOf, items))
            // Only first pages replace the cached ranking; a cursor's old instant must not.
            .compose(
                ranked ->
                    firstPage
                        ? cache.put(userId, ranked).map(ranked)
                        : Future.succeededFuture(ranked))
            .onComplete(done -> inFlight.remove(key));
    if (!ranking.isComplete()) {
      inFlight.put(key, ranking);
    }
    return ranking;
  }

  private static FeedPage page(String userId, FeedCache.Ranked ranked, int offset, int limit) {
    List<FeedItem> feed = ranked.items();
    int from = Math.min(offset, feed.size());
    int to = Math.min(from + limit, feed.size());
    String next = to < feed.size() ? new FeedCursor(to, ranked.asOf()).encode() : null;
    return new FeedPage(userId, List.copyOf(feed.subList(from, to)), next);
  }

  private Future<List<FeedItem>> rankFor(User user, Instant asOf) {
    return tasteVector(user)
        .compose(
            taste -> {
              Future<List<VectorMatch>> contentMatches =
                  stores
                      .vectors()
                      .search(VectorQuery.of(ItemType.CONTENT, taste, config.candidatePool()));
              Future<List<VectorMatch>> adMatches =
                  stores
                      .vectors()
                      .search(
                          VectorQuery.of(ItemType.CAMPAIGN, taste, config.candidatePool())
                              .liveAt(asOf));
              Future<List<String>> followed = stores.graph().targets(user.id(), EdgeType.FOLLOWS);
              Future<Map<String, Integer>> social = stores.graph().likedBySimilarUsers(user.id());
              return Future.all(contentMatches, adMatches, followed, social)
                  .compose(
                      all ->
                          candidates(
                              user,
                              asOf,
                              contentMatches.result(),
                              adMatches.result(),
                              new HashSet<>(followed.result()),
                              social.result()));
            });
  }

  /** The user's profile vector averaged with the vectors of what they liked and bought. */
  private Future<float[]> tasteVector(User user) {
    Future<List<String>> likes = stores.graph().targets(user.id(), EdgeType.LIKES);
    Future<List<String>> purchases = stores.graph().targets(user.id(), EdgeType.PURCHASES);
    return Future.all(likes, purchases)
        .compose(
            all -> {
              List<String> ids = new ArrayList<>();
              ids.add(user.id());
              ids.addAll(likes.result());
              ids.addAll(purchases.result());
              return stores.vectors().vectors(ids);
            })
        .map(
            vectors -> {
              float[] profile = vectors.get(user.id());
              if (profile == null) {
                throw new ServiceFailure(
                    ErrorCode.UNAVAILABLE, "no embedding for user " + user.id() + " yet");
              }
              float[] interactions = new float[profile.length];
              int count = 0;
              for (Map.Entry<String, float[]> e : vectors.entrySet()) {
                if (!e.getKey().equals(user.id())) {
                  add(interactions, e.getValue(), 1);
                  count++;
                }
              }
              float[] taste = VectorMath.normalized(profile);
              if (count > 0) {
                add(taste, VectorMath.normalized(interactions), 1);
              }
              return VectorMath.normalized(taste);
            });
  }

  private static void add(float[] into, float[] v, float weight) {
    for (int i = 0; i < into.length; i++) {
      into[i] += weight * v[i];
    }
  }

  private Future<List<FeedItem>> candidates(
      User user,
      Instant asOf,
      List<VectorMatch> contentMatches,
      List<VectorMatch> adMatches,
      Set<String> followed,
      Map<String, Integer> social) {
    Map<String, Double> contentSimilarity =
        contentMatches.stream().collect(Collectors.toMap(VectorMatch::id, VectorMatch::similarity));
    Map<String, Double> adSimilarity =
        adMatches.stream().collect(Collectors.toMap(VectorMatch::id, VectorMatch::similarity));
    Future<List<Content>> contents =
        stores.catalog().contents(List.copyOf(contentSimilarity.keySet()));
    Future<List<Campaign>> campaigns =
        stores.catalog().campaigns(List.copyOf(adSimilarity.keySet()));
    return Future.all(contents, campaigns)
        .map(
            all -> {
              List<FeedRanker.ContentCandidate> contentCandidates =
                  contents.result().stream()
                      .map(
                          c ->
                              new FeedRanker.ContentCandidate(
                                  c,
                                  contentSimilarity.get(c.id()),
                                  followed.contains(c.authorId()),
                                  social.getOrDefault(c.id(), 0)))
                      .toList();
              List<FeedRanker.AdCandidate> adCandidates =
                  campaigns.result().stream()
                      .map(c -> new FeedRanker.AdCandidate(c, adSimilarity.get(c.id())))
                      .toList();
              return ranker.rank(user, contentCandidates, adCandidates, asOf);
            });
  }
}
