package com.aiagent.feed;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FollowedPost;
import com.aiagent.store.ItemText;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Builds one page from the ranked items it may show and the newest published AI-generated posts of
 * followed authors (fan-out on read: they are read per page, never cached in a ranking). An AI post
 * scores like a content with the same weights: similarity of the reader's taste to the products it
 * cites, the followed-author signal (always), freshness as of the walk's instant, less the seen
 * penalty. AI posts are taken newest first, at most {@code perPage} on a page, each placed before
 * the first ranked content it outscores (never between an ad and the content before it), or after
 * the ranked items when the ranked list ends. A ranked item the user hid still takes its slot, so
 * the ranked offset stays that of the ranking.
 */
final class AiPostMerger {
  private final AppConfig.Feed config;
  private final String label;
  private final String publicBaseUrl;

  /**
   * {@code publicBaseUrl} (null: none) makes picture paths absolute; else they stay root-relative.
   */
  AiPostMerger(AppConfig.Feed config, String label, String publicBaseUrl) {
    this.config = config;
    this.label = label;
    this.publicBaseUrl = publicBaseUrl;
  }

  /**
   * A page's items. {@code rankedTaken}: how many of {@code ranked} the page used; {@code lastAi}:
   * the last AI post it showed (null: none); {@code moreAi}: whether posts beyond it were read.
   */
  record Merged(List<FeedItem> items, int rankedTaken, FollowedPost lastAi, boolean moreAi) {}

  /** How many AI posts to read for a page of {@code limit}: the most it may show, and one more. */
  int readLimit(int limit) {
    return Math.min(config.aiPosts().perPage(), limit) + 1;
  }

  /** {@code converter} makes a feed item of a ranked item and its words (the service's mapping). */
  Merged merge(
      List<RankedItem> ranked,
      Map<String, ItemText> words,
      List<FollowedPost> posts,
      int limit,
      Instant asOf,
      BiFunction<RankedItem, ItemText, FeedItem> converter) {
    int perPage = Math.min(config.aiPosts().perPage(), limit);
    List<FeedItem> items = new ArrayList<>(limit);
    int slots = 0;
    int nextRanked = 0;
    int nextAi = 0;
    FeedItem pending = null;
    while (slots < limit) {
      RankedItem head = nextRanked < ranked.size() ? ranked.get(nextRanked) : null;
      FollowedPost post = nextAi < Math.min(perPage, posts.size()) ? posts.get(nextAi) : null;
      if (post != null && pending == null) {
        pending = item(post, asOf);
      }
      if (head == null && pending == null) {
        break;
      }
      boolean aiFirst =
          pending != null && (head == null || (!head.isAd() && pending.score() > head.score()));
      if (aiFirst) {
        items.add(pending);
        pending = null;
        nextAi++;
      } else {
        ItemText text = words.get(head.id());
        if (text != null) {
          items.add(converter.apply(head, text));
        }
        nextRanked++;
      }
      slots++;
    }
    FollowedPost last = nextAi == 0 ? null : posts.get(nextAi - 1);
    return new Merged(List.copyOf(items), nextRanked, last, nextAi < posts.size());
  }

  FeedItem item(FollowedPost post, Instant asOf) {
    AppConfig.Weights w = config.weights();
    double ageHours = Math.max(0, Duration.between(post.createdAt(), asOf).toMinutes() / 60.0);
    double freshness = Math.pow(0.5, ageHours / config.freshnessHalfLifeHours());
    double seenShare = Math.min(1.0, post.seen() / (double) config.seenSaturation());
    double score =
        w.similarity() * post.similarity()
            + w.followedAuthor()
            + w.freshness() * freshness
            - w.seen() * seenShare;
    List<String> reasons = new ArrayList<>(List.of("followed_author"));
    if (post.similarity() >= config.interestThreshold()) {
      reasons.add("similar_to_your_interests");
    }
    if (ageHours < config.freshnessHalfLifeHours()) {
      reasons.add("fresh");
    }
    String image =
        post.imagePath() == null || publicBaseUrl == null || !post.imagePath().startsWith("/")
            ? post.imagePath()
            : publicBaseUrl + post.imagePath();
    return new FeedItem(
        post.id(),
        FeedItem.AI_POST,
        post.title(),
        null,
        post.content(),
        null,
        post.category(),
        Math.round(score * 10_000) / 10_000.0,
        List.copyOf(reasons),
        post.authorId(),
        post.createdAt(),
        null,
        null,
        null,
        null,
        label,
        Boolean.TRUE,
        post.hashtags(),
        image,
        post.productIds());
  }
}
