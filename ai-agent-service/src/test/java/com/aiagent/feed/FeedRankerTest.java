package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.FeedCandidates;
import com.aiagent.store.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedRankerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  private static final List<String> INTERESTS = List.of("fashion", "beauty");

  private final AppConfig config = ConfigLoader.load(Map.of());
  private final FeedRanker ranker = new FeedRanker(config.feed(), config.ads());

  private static FeedCandidates.ContentCandidate content(
      String id, String category, Duration age, double similarity) {
    return content(id, category, age, similarity, false, 0, null);
  }

  private static FeedCandidates.ContentCandidate content(
      String id,
      String category,
      Duration age,
      double similarity,
      boolean followed,
      int social,
      Double likedSimilarity) {
    return new FeedCandidates.ContentCandidate(
        id,
        "user_009",
        category,
        "prod_001",
        NOW.minus(age),
        similarity,
        followed,
        social,
        likedSimilarity);
  }

  private static FeedCandidates.AdCandidate ad(String id, double similarity, double bid) {
    return ad(id, similarity, bid, null, null, Duration.ofDays(30));
  }

  private static FeedCandidates.AdCandidate ad(
      String id, double similarity, double bid, Double budget, Integer cap, Duration left) {
    return new FeedCandidates.AdCandidate(
        id,
        "prod_001",
        "fashion",
        "Brand",
        bid,
        NOW.minus(Duration.ofDays(30)),
        NOW.plus(left),
        budget,
        cap,
        similarity);
  }

  private static List<FeedCandidates.ContentCandidate> contents(int n) {
    List<FeedCandidates.ContentCandidate> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(content("content_%03d".formatted(i), "travel", Duration.ofDays(3), 0.5 - i * 0.01));
    }
    return list;
  }

  private static List<FeedCandidates.AdCandidate> ads(int n) {
    List<FeedCandidates.AdCandidate> list = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      list.add(ad("camp_%03d".formatted(i), 0.3 - i * 0.01, 1.0));
    }
    return list;
  }

  private static FeedState state(
      List<FeedCandidates.ContentCandidate> contents, List<FeedCandidates.AdCandidate> ads) {
    return state(contents, ads, Set.of(), Map.of(), Map.of(), Map.of());
  }

  private static FeedState state(
      List<FeedCandidates.ContentCandidate> contents,
      List<FeedCandidates.AdCandidate> ads,
      Set<String> hidden,
      Map<String, Integer> seen,
      Map<String, Integer> frequency,
      Map<String, Double> spend) {
    return new FeedState(
        "user_001",
        INTERESTS,
        new FeedCandidates(NOW, contents, ads),
        hidden,
        seen,
        frequency,
        spend);
  }

  private static List<String> ids(List<RankedItem> feed) {
    return feed.stream().map(RankedItem::id).toList();
  }

  @Test
  void feedMixesAdsEveryFourthSlot() {
    List<RankedItem> feed = ranker.rank(state(contents(12), ads(5)), NOW);
    for (int i = 0; i < feed.size(); i++) {
      assertThat(feed.get(i).type())
          .as("slot %d", i + 1)
          .isEqualTo((i + 1) % 4 == 0 ? FeedItem.AD : FeedItem.CONTENT);
    }
    assertThat(feed).as("12 contents with ads after the 3rd, 6th and 9th").hasSize(12 + 3);
    assertThat(feed.get(3).id()).isEqualTo("camp_000");
    assertThat(feed.get(3).productId()).isEqualTo("prod_001");
    assertThat(feed.get(3).reasons()).contains("sponsored");
  }

  @Test
  void neverTwoAdsInARowEvenWhenContentsRunOut() {
    List<RankedItem> feed = ranker.rank(state(contents(2), ads(10)), NOW);
    assertThat(feed)
        .extracting(RankedItem::type)
        .containsExactly(FeedItem.CONTENT, FeedItem.CONTENT);
  }

  @Test
  void campaignsPastTheirEndOrOverBudgetOrCapAreLeftOut() {
    List<FeedCandidates.AdCandidate> candidates =
        List.of(
            ad("camp_ended", 0.9, 3.0, null, null, Duration.ofDays(-1)),
            ad("camp_spent", 0.9, 3.0, 1.0, null, Duration.ofDays(30)),
            ad("camp_default_budget", 0.9, 3.0, null, null, Duration.ofDays(30)),
            ad("camp_capped", 0.9, 3.0, null, 2, Duration.ofDays(30)),
            ad("camp_default_cap", 0.9, 3.0, null, null, Duration.ofDays(30)),
            ad("camp_ok", 0.1, 0.5, 1.0, 2, Duration.ofDays(30)));
    FeedState state =
        state(
            contents(20),
            candidates,
            Set.of(),
            Map.of(),
            Map.of(
                "camp_capped",
                2,
                "camp_default_cap",
                config.ads().frequencyCapPerDay(),
                "camp_ok",
                1),
            Map.of(
                "camp_spent",
                1.0,
                "camp_default_budget",
                config.ads().defaultDailyBudget(),
                "camp_ok",
                0.9));
    assertThat(ranker.rank(state, NOW))
        .filteredOn(RankedItem::isAd)
        .extracting(RankedItem::id)
        .containsExactly("camp_ok");
  }

  @Test
  void hiddenContentsAndCampaignsNeverAppear() {
    FeedState state =
        state(contents(8), ads(2), Set.of("content_000", "camp_000"), Map.of(), Map.of(), Map.of());
    assertThat(ids(ranker.rank(state, NOW)))
        .doesNotContain("content_000", "camp_000")
        .contains("camp_001");
  }

  @Test
  void contentAlreadyShownMovesDownAndTheRestIsNewForYou() {
    List<FeedCandidates.ContentCandidate> candidates =
        List.of(
            content("content_seen", "travel", Duration.ofDays(20), 0.4),
            content("content_unseen", "travel", Duration.ofDays(20), 0.3));
    assertThat(ids(ranker.rank(state(candidates, List.of()), NOW)))
        .containsExactly("content_seen", "content_unseen");
    List<RankedItem> afterSeen =
        ranker.rank(
            state(candidates, List.of(), Set.of(), Map.of("content_seen", 3), Map.of(), Map.of()),
            NOW);
    assertThat(ids(afterSeen)).containsExactly("content_unseen", "content_seen");
    assertThat(afterSeen.get(0).reasons()).contains("new_for_you");
    assertThat(afterSeen.get(1).reasons()).doesNotContain("new_for_you");
  }

  @Test
  void graphSignalsLiftAContentAndSayWhy() {
    List<FeedCandidates.ContentCandidate> candidates =
        List.of(
            content("content_a", "travel", Duration.ofDays(20), 0.2, false, 0, null),
            content("content_b", "travel", Duration.ofDays(20), 0.2, true, 3, null),
            content("content_c", "travel", Duration.ofDays(20), 0.2, false, 0, 0.9));
    List<RankedItem> feed = ranker.rank(state(candidates, List.of()), NOW);
    assertThat(ids(feed)).containsExactly("content_b", "content_c", "content_a");
    assertThat(feed.get(0).reasons()).contains("followed_author", "liked_by_similar_users");
    assertThat(feed.get(1).reasons()).contains("liked_similar");
    assertThat(feed.get(2).reasons())
        .doesNotContain("followed_author", "liked_by_similar_users", "liked_similar");
  }

  @Test
  void fresherContentWinsATieAndInterestsAreNamed() {
    List<FeedCandidates.ContentCandidate> candidates =
        List.of(
            content("content_old", "fashion", Duration.ofDays(30), 0.3),
            content("content_new", "fashion", Duration.ofHours(2), 0.3));
    List<RankedItem> feed = ranker.rank(state(candidates, List.of()), NOW);
    assertThat(ids(feed)).containsExactly("content_new", "content_old");
    assertThat(feed.get(0).reasons())
        .contains("fresh", "in_your_interests", "similar_to_your_interests");
    assertThat(feed.get(1).reasons()).doesNotContain("fresh");
  }

  @Test
  void postsAfterTheWalkStartedAreLeftOut() {
    List<FeedCandidates.ContentCandidate> candidates =
        List.of(
            content("content_future", "fashion", Duration.ofDays(-1), 0.9),
            content("content_ok", "fashion", Duration.ofDays(1), 0.1));
    assertThat(ids(ranker.rank(state(candidates, List.of()), NOW))).containsExactly("content_ok");
  }

  @Test
  void noStoredCandidatesIsAnEmptyFeed() {
    FeedState none =
        new FeedState("user_001", INTERESTS, null, Set.of(), Map.of(), Map.of(), Map.of());
    assertThat(ranker.rank(none, NOW)).isEmpty();
  }
}
