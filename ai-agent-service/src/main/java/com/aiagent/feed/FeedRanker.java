package com.aiagent.feed;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FeedCandidates;
import com.aiagent.store.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a user's candidates into one feed list, as of an instant. Contents score by similarity to
 * the user's taste, followed authors, likes from similar users, likeness to what the user liked and
 * freshness, and lose score for each time they were already shown; ads (live campaigns that target
 * the user's interests, within their daily budget and the user's frequency cap) score by similarity
 * and bid and take every {@code ad_every}-th slot. Hidden items never appear. Ads only ever follow
 * a content item, so two ads never stand together.
 */
public final class FeedRanker {
  /** Likes from this many similar users give the full social signal. */
  private static final double SOCIAL_SATURATION = 3.0;

  private final AppConfig.Feed config;
  private final AppConfig.Ads ads;

  public FeedRanker(AppConfig.Feed config, AppConfig.Ads ads) {
    this.config = config;
    this.ads = ads;
  }

  public List<RankedItem> rank(FeedState state, Instant asOf) {
    FeedCandidates candidates = state.candidates();
    if (candidates == null) {
      return List.of();
    }
    boolean seenAny = !state.seen().isEmpty();
    List<RankedItem> rankedContents =
        candidates.contents().stream()
            .filter(c -> !state.hidden().contains(c.id()))
            .filter(c -> !c.createdAt().isAfter(asOf))
            .map(c -> contentItem(state, c, asOf, seenAny))
            .sorted(BY_SCORE)
            .toList();
    List<RankedItem> rankedAds =
        candidates.ads().stream()
            .filter(a -> !state.hidden().contains(a.id()))
            .filter(a -> !asOf.isBefore(a.startsAt()) && asOf.isBefore(a.endsAt()))
            .filter(a -> withinBudget(state, a) && underCap(state, a))
            .map(this::adItem)
            .sorted(BY_SCORE)
            .toList();

    List<RankedItem> feed = new ArrayList<>(rankedContents.size() + rankedAds.size());
    int nextContent = 0;
    int nextAd = 0;
    while (nextContent < rankedContents.size()) {
      boolean adSlot = (feed.size() + 1) % config.adEvery() == 0;
      if (adSlot && nextAd < rankedAds.size()) {
        feed.add(rankedAds.get(nextAd++));
      } else {
        feed.add(rankedContents.get(nextContent++));
      }
    }
    return feed;
  }

  private boolean withinBudget(FeedState state, FeedCandidates.AdCandidate ad) {
    double budget = ad.dailyBudget() != null ? ad.dailyBudget() : ads.defaultDailyBudget();
    return state.spendToday().getOrDefault(ad.id(), 0.0) < budget;
  }

  private boolean underCap(FeedState state, FeedCandidates.AdCandidate ad) {
    int cap = ad.frequencyCap() != null ? ad.frequencyCap() : ads.frequencyCapPerDay();
    return state.adImpressionsToday().getOrDefault(ad.id(), 0) < cap;
  }

  private static final Comparator<RankedItem> BY_SCORE =
      Comparator.comparingDouble(RankedItem::score).reversed().thenComparing(RankedItem::id);

  private RankedItem contentItem(
      FeedState state, FeedCandidates.ContentCandidate c, Instant asOf, boolean seenAny) {
    AppConfig.Weights w = config.weights();
    double social = Math.min(1.0, c.likedBySimilarUsers() / SOCIAL_SATURATION);
    double ageHours = Math.max(0, Duration.between(c.createdAt(), asOf).toMinutes() / 60.0);
    double freshness = Math.pow(0.5, ageHours / config.freshnessHalfLifeHours());
    int seen = state.seen().getOrDefault(c.id(), 0);
    double seenShare = Math.min(1.0, seen / (double) config.seenSaturation());
    boolean likedSimilar =
        c.likedSimilarity() != null && c.likedSimilarity() >= config.likedSimilarThreshold();
    double score =
        w.similarity() * c.similarity()
            + w.followedAuthor() * (c.followedAuthor() ? 1 : 0)
            + w.similarUsers() * social
            + w.likedSimilar() * (likedSimilar ? c.likedSimilarity() : 0)
            + w.freshness() * freshness
            - w.seen() * seenShare;

    List<String> reasons = new ArrayList<>();
    if (state.interests().contains(c.category())) {
      reasons.add("in_your_interests");
    }
    if (c.similarity() >= config.interestThreshold()) {
      reasons.add("similar_to_your_interests");
    }
    if (c.followedAuthor()) {
      reasons.add("followed_author");
    }
    if (c.likedBySimilarUsers() > 0) {
      reasons.add("liked_by_similar_users");
    }
    if (likedSimilar) {
      reasons.add("liked_similar");
    }
    if (ageHours < config.freshnessHalfLifeHours()) {
      reasons.add("fresh");
    }
    if (seenAny && seen == 0) {
      reasons.add("new_for_you");
    }
    if (reasons.isEmpty()) {
      reasons.add("discover");
    }
    return new RankedItem(
        c.id(),
        FeedItem.CONTENT,
        c.category(),
        round(score),
        List.copyOf(reasons),
        c.authorId(),
        c.createdAt(),
        c.productId(),
        null);
  }

  private RankedItem adItem(FeedCandidates.AdCandidate a) {
    AppConfig.Weights w = config.weights();
    double score = w.similarity() * a.similarity() + w.bid() * a.bid();
    List<String> reasons = new ArrayList<>(List.of("sponsored", "targets_your_interests"));
    if (a.similarity() >= config.interestThreshold()) {
      reasons.add("similar_to_your_interests");
    }
    return new RankedItem(
        a.id(),
        FeedItem.AD,
        a.category(),
        round(score),
        List.copyOf(reasons),
        null,
        a.startsAt(),
        a.productId(),
        a.advertiser());
  }

  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
