package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.Campaign;
import com.aiagent.store.Content;
import com.aiagent.store.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedRankerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final User USER =
      new User("user_001", "김민지", "Kim Minji", List.of("fashion", "beauty"), "패션", "fashion");

  private final AppConfig.Feed config = ConfigLoader.load(Map.of()).feed();
  private final FeedRanker ranker = new FeedRanker(config);

  private static Content content(String id, String author, String category, Duration age) {
    return new Content(
        id,
        author,
        category,
        "prod_001",
        "제목 " + id,
        "Title " + id,
        "본문",
        "Body",
        List.of("t"),
        NOW.minus(age));
  }

  private static Campaign campaign(String id, String category, boolean active, double bid) {
    return new Campaign(
        id,
        "prod_001",
        category,
        "Brand",
        "광고 " + id,
        "Ad " + id,
        "본문",
        "Body",
        List.of(category),
        bid,
        active,
        NOW.minus(Duration.ofDays(30)),
        NOW.plus(Duration.ofDays(30)));
  }

  private static List<FeedRanker.ContentCandidate> contents(int n) {
    List<FeedRanker.ContentCandidate> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          new FeedRanker.ContentCandidate(
              content("content_%03d".formatted(i), "user_009", "travel", Duration.ofDays(3)),
              0.5 - i * 0.01,
              false,
              0));
    }
    return list;
  }

  private static List<FeedRanker.AdCandidate> ads(int n) {
    List<FeedRanker.AdCandidate> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(
          new FeedRanker.AdCandidate(
              campaign("camp_%03d".formatted(i), "fashion", true, 1.0), 0.3 - i * 0.01));
    }
    return list;
  }

  @Test
  void feedMixesAdsEveryFourthSlot() {
    List<FeedItem> feed = ranker.rank(USER, contents(12), ads(5), NOW);
    for (int i = 0; i < feed.size(); i++) {
      assertThat(feed.get(i).type())
          .as("slot %d", i + 1)
          .isEqualTo((i + 1) % 4 == 0 ? FeedItem.AD : FeedItem.CONTENT);
    }
    assertThat(feed).as("12 contents with ads after the 3rd, 6th and 9th").hasSize(12 + 3);
    assertThat(feed.get(3).sponsored()).isTrue();
    assertThat(feed.get(3).campaignId()).isEqualTo("camp_000");
    assertThat(feed.get(3).productId()).isEqualTo("prod_001");
  }

  @Test
  void neverTwoAdsInARowEvenWhenContentsRunOut() {
    List<FeedItem> feed = ranker.rank(USER, contents(2), ads(10), NOW);
    for (int i = 1; i < feed.size(); i++) {
      assertThat(
              feed.get(i).type().equals(FeedItem.AD) && feed.get(i - 1).type().equals(FeedItem.AD))
          .isFalse();
    }
    assertThat(feed).extracting(FeedItem::type).containsExactly(FeedItem.CONTENT, FeedItem.CONTENT);
  }

  @Test
  void onlyLiveCampaignsTargetedAtTheUserAreShown() {
    List<FeedRanker.AdCandidate> candidates =
        List.of(
            new FeedRanker.AdCandidate(campaign("camp_001", "fashion", false, 3.0), 0.9),
            new FeedRanker.AdCandidate(campaign("camp_002", "pets", true, 3.0), 0.9),
            new FeedRanker.AdCandidate(campaign("camp_003", "beauty", true, 0.5), 0.1));
    List<FeedItem> feed = ranker.rank(USER, contents(8), candidates, NOW);
    assertThat(feed)
        .filteredOn(i -> i.type().equals(FeedItem.AD))
        .extracting(FeedItem::id)
        .containsExactly("camp_003");
  }

  @Test
  void graphSignalsLiftAContentAndSayWhy() {
    List<FeedRanker.ContentCandidate> candidates =
        List.of(
            new FeedRanker.ContentCandidate(
                content("content_a", "user_002", "travel", Duration.ofDays(20)), 0.2, false, 0),
            new FeedRanker.ContentCandidate(
                content("content_b", "user_003", "travel", Duration.ofDays(20)), 0.2, true, 3));
    List<FeedItem> feed = ranker.rank(USER, candidates, List.of(), NOW);
    assertThat(feed).extracting(FeedItem::id).containsExactly("content_b", "content_a");
    assertThat(feed.get(0).reasons()).contains("from_followed_author", "liked_by_similar_users");
    assertThat(feed.get(1).reasons())
        .doesNotContain("from_followed_author", "liked_by_similar_users");
  }

  @Test
  void fresherContentWinsATieAndInterestsAreNamed() {
    List<FeedRanker.ContentCandidate> candidates =
        List.of(
            new FeedRanker.ContentCandidate(
                content("content_old", "user_002", "fashion", Duration.ofDays(30)), 0.3, false, 0),
            new FeedRanker.ContentCandidate(
                content("content_new", "user_002", "fashion", Duration.ofHours(2)), 0.3, false, 0));
    List<FeedItem> feed = ranker.rank(USER, candidates, List.of(), NOW);
    assertThat(feed).extracting(FeedItem::id).containsExactly("content_new", "content_old");
    assertThat(feed.get(0).reasons())
        .contains("fresh", "in_your_interests", "similar_to_your_interests");
    assertThat(feed.get(1).reasons()).doesNotContain("fresh");
  }

  @Test
  void ownPostsAndPostsAfterTheWalkStartedAreLeftOut() {
    List<FeedRanker.ContentCandidate> candidates =
        List.of(
            new FeedRanker.ContentCandidate(
                content("content_mine", "user_001", "fashion", Duration.ofDays(1)), 0.9, false, 0),
            new FeedRanker.ContentCandidate(
                content("content_future", "user_002", "fashion", Duration.ofDays(-1)),
                0.9,
                false,
                0),
            new FeedRanker.ContentCandidate(
                content("content_ok", "user_002", "fashion", Duration.ofDays(1)), 0.1, false, 0));
    assertThat(ranker.rank(USER, candidates, List.of(), NOW))
        .extracting(FeedItem::id)
        .containsExactly("content_ok");
  }

  @Test
  void cursorRoundTripsAndRejectsForgeries() {
    FeedCursor cursor = new FeedCursor(20, NOW);
    assertThat(FeedCursor.decode(cursor.encode(), NOW.plusSeconds(1))).isEqualTo(cursor);
    for (String bad :
        List.of(
            "???", "djE6MTow", new FeedCursor(20, NOW.plusSeconds(60)).encode(), "dj I6YWJjOjE")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> FeedCursor.decode(bad, NOW))
          .isInstanceOf(com.aiagent.bus.ServiceFailure.class)
          .hasMessageContaining("cursor");
    }
  }
}
