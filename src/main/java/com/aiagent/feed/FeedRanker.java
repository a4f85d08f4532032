package com.aiagent.feed;

import com.aiagent.config.AppConfig;
import com.aiagent.store.Campaign;
import com.aiagent.store.Content;
import com.aiagent.store.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a user's candidates into one feed list. Contents score by similarity to the user's
 * interests, followed authors, likes from similar users and freshness; ads (live campaigns that
 * target the user's interests) score by similarity and bid and take every {@code ad_every}-th slot.
 * Ads only ever follow a content item, so two ads never stand together.
 */
public final class FeedRanker {
  /** Likes from this many similar users give the full social signal. */
  private static final double SOCIAL_SATURATION = 3.0;

  private final AppConfig.Feed config;

  public FeedRanker(AppConfig.Feed config) {
    this.config = config;
  }

  public record ContentCandidate(
      Content content, double similarity, boolean followedAuthor, int likedBySimilarUsers) {}

  public record AdCandidate(Campaign campaign, double similarity) {}

  public List<FeedItem> rank(
      User user, List<ContentCandidate> contents, List<AdCandidate> ads, Instant asOf) {
    List<FeedItem> rankedContents =
        contents.stream()
            .filter(c -> !c.content().authorId().equals(user.id()))
            .filter(c -> !c.content().createdAt().isAfter(asOf))
            .map(c -> contentItem(user, c, asOf))
            .sorted(BY_SCORE)
            .toList();
    List<FeedItem> rankedAds =
        ads.stream()
            .filter(a -> a.campaign().liveAt(asOf) && a.campaign().targets(user.interests()))
            .map(this::adItem)
            .sorted(BY_SCORE)
            .toList();

    List<FeedItem> feed = new ArrayList<>(rankedContents.size() + rankedAds.size());
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

  private static final Comparator<FeedItem> BY_SCORE =
      Comparator.comparingDouble(FeedItem::score).reversed().thenComparing(FeedItem::id);

  private FeedItem contentItem(User user, ContentCandidate candidate, Instant asOf) {
    Content c = candidate.content();
    double social = Math.min(1.0, candidate.likedBySimilarUsers() / SOCIAL_SATURATION);
    double ageHours = Math.max(0, Duration.between(c.createdAt(), asOf).toMinutes() / 60.0);
    double freshness = Math.pow(0.5, ageHours / config.freshnessHalfLifeHours());
    double score =
        config.similarityWeight() * candidate.similarity()
            + config.followedAuthorWeight() * (candidate.followedAuthor() ? 1 : 0)
            + config.similarUsersWeight() * social
            + config.freshnessWeight() * freshness;

    List<String> reasons = new ArrayList<>();
    if (user.interests().contains(c.category())) {
      reasons.add("in_your_interests");
    }
    if (candidate.similarity() >= config.interestThreshold()) {
      reasons.add("similar_to_your_interests");
    }
    if (candidate.followedAuthor()) {
      reasons.add("from_followed_author");
    }
    if (candidate.likedBySimilarUsers() > 0) {
      reasons.add("liked_by_similar_users");
    }
    if (ageHours < config.freshnessHalfLifeHours()) {
      reasons.add("fresh");
    }
    if (reasons.isEmpty()) {
      reasons.add("discover");
    }
    return new FeedItem(
        c.id(),
        FeedItem.CONTENT,
        c.titleKo(),
        c.titleEn(),
        c.bodyKo(),
        c.bodyEn(),
        c.category(),
        round(score),
        List.copyOf(reasons),
        c.authorId(),
        c.createdAt(),
        null,
        c.productId(),
        null,
        null);
  }

  private FeedItem adItem(AdCandidate candidate) {
    Campaign c = candidate.campaign();
    double score =
        config.similarityWeight() * candidate.similarity() + config.bidWeight() * c.bid();
    List<String> reasons = new ArrayList<>(List.of("sponsored", "targets_your_interests"));
    if (candidate.similarity() >= config.interestThreshold()) {
      reasons.add("similar_to_your_interests");
    }
    return new FeedItem(
        c.id(),
        FeedItem.AD,
        c.titleKo(),
        c.titleEn(),
        c.bodyKo(),
        c.bodyEn(),
        c.category(),
        round(score),
        List.copyOf(reasons),
        null,
        c.startsAt(),
        c.id(),
        c.productId(),
        c.advertiser(),
        Boolean.TRUE);
  }

  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
