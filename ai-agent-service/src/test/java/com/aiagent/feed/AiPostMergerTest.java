package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.FollowedPost;
import com.aiagent.store.ItemText;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiPostMergerTest {
  private static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");

  private final AppConfig config = ConfigLoader.load(Map.of("FEED_AI_POSTS_PER_PAGE", "2"));
  private final AiPostMerger merger = new AiPostMerger(config.feed(), "AI 생성 · AI-generated", null);
  private final Map<String, ItemText> words = new HashMap<>();

  private RankedItem content(String id, double score) {
    words.put(id, new ItemText("제목", "title", "본문", "body"));
    return new RankedItem(
        id,
        FeedItem.CONTENT,
        "fashion",
        score,
        List.of("discover"),
        "user_009",
        NOW,
        "prod_001",
        null);
  }

  private RankedItem ad(String id, double score) {
    words.put(id, new ItemText("광고", "ad", "본문", "body"));
    return new RankedItem(
        id, FeedItem.AD, "fashion", score, List.of("sponsored"), null, NOW, "prod_001", "Brand");
  }

  private static FollowedPost post(String id, Duration age, double similarity, int seen) {
    return new FollowedPost(
        id,
        "user_003",
        NOW.minus(age),
        "가을 코트",
        "따뜻한 코트를 추천해요",
        List.of("#코트"),
        "/v1/media/" + id + ".webp",
        List.of("prod_001"),
        "fashion",
        similarity,
        seen);
  }

  private AiPostMerger.Merged merge(List<RankedItem> ranked, List<FollowedPost> posts, int limit) {
    return merger.merge(
        ranked,
        words,
        posts,
        limit,
        NOW,
        (r, text) ->
            new FeedItem(
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
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null));
  }

  private static List<String> ids(AiPostMerger.Merged merged) {
    return merged.items().stream().map(FeedItem::id).toList();
  }

  @Test
  void anAiPostScoresLikeAFollowedFreshContentAndIsLabelled() {
    FeedItem item = merger.item(post("p1", Duration.ofHours(1), 0.5, 0), NOW);
    AppConfig.Weights w = config.feed().weights();
    double freshness = Math.pow(0.5, 1 / config.feed().freshnessHalfLifeHours());
    assertThat(item.score())
        .isCloseTo(
            w.similarity() * 0.5 + w.followedAuthor() + w.freshness() * freshness,
            org.assertj.core.api.Assertions.within(1e-4));
    assertThat(item.type()).isEqualTo("ai_post");
    assertThat(item.aiGenerated()).isTrue();
    assertThat(item.label()).isEqualTo("AI 생성 · AI-generated");
    assertThat(item.reasons())
        .containsExactly("followed_author", "similar_to_your_interests", "fresh");
    assertThat(item.authorId()).isEqualTo("user_003");
    assertThat(item.body()).isEqualTo("따뜻한 코트를 추천해요");
    assertThat(item.hashtags()).containsExactly("#코트");
    assertThat(item.productIds()).containsExactly("prod_001");
    assertThat(item.imageUrl()).isEqualTo("/v1/media/p1.webp");
    assertThat(item.sponsored()).isNull();

    FeedItem seen = merger.item(post("p1", Duration.ofHours(1), 0.5, 3), NOW);
    assertThat(seen.score())
        .isCloseTo(item.score() - w.seen(), org.assertj.core.api.Assertions.within(1e-4));
    FeedItem old = merger.item(post("p2", Duration.ofDays(30), 0.0, 0), NOW);
    assertThat(old.reasons()).containsExactly("followed_author");
    assertThat(
            new AiPostMerger(config.feed(), "AI", "https://cdn.example")
                .item(post("p2", Duration.ofDays(30), 0.0, 0), NOW)
                .imageUrl())
        .isEqualTo("https://cdn.example/v1/media/p2.webp");
  }

  @Test
  void postsTakeTheirPlaceByScoreAtMostPerPageNewestFirst() {
    List<RankedItem> ranked =
        List.of(content("c1", 2.0), content("c2", 1.0), content("c3", 0.9), content("c4", 0.1));
    // Newest first: p1 scores between c2 and c3, p2 and p3 above c2 but come after p1.
    List<FollowedPost> posts =
        List.of(
            post("p1", Duration.ofHours(1), 0.5, 0),
            post("p2", Duration.ofHours(2), 0.7, 0),
            post("p3", Duration.ofHours(3), 0.7, 0));

    AiPostMerger.Merged merged = merge(ranked, posts, 5);

    assertThat(ids(merged)).containsExactly("c1", "c2", "p1", "p2", "c3");
    assertThat(merged.rankedTaken()).isEqualTo(3);
    assertThat(merged.lastAi().id()).isEqualTo("p2");
    assertThat(merged.moreAi()).isTrue();
    assertThat(merger.readLimit(5)).isEqualTo(3);
    assertThat(merger.readLimit(1)).isEqualTo(2);
  }

  @Test
  void anAdKeepsItsPlaceAfterItsContent() {
    List<RankedItem> ranked = List.of(content("c1", 0.2), ad("a1", 0.01), content("c2", 0.1));
    AiPostMerger.Merged merged = merge(ranked, List.of(post("p1", Duration.ofHours(1), 0.0, 0)), 4);
    assertThat(ids(merged)).containsExactly("p1", "c1", "a1", "c2");

    AiPostMerger.Merged low =
        merge(
            List.of(content("c9", 5.0), ad("a9", 0.0), content("c8", 0.1)),
            List.of(post("p9", Duration.ofHours(1), 0.0, 0)),
            4);
    assertThat(ids(low)).containsExactly("c9", "a9", "p9", "c8");
  }

  @Test
  void aHiddenRankedItemKeepsItsSlotAndPostsFillWhenTheRankingEnds() {
    List<RankedItem> ranked = List.of(content("c1", 3.0), content("gone", 2.5));
    words.remove("gone");
    List<FollowedPost> posts =
        List.of(post("p1", Duration.ofDays(20), -1.0, 3), post("p2", Duration.ofDays(21), -1.0, 3));

    AiPostMerger.Merged merged = merge(ranked, posts, 3);

    assertThat(ids(merged)).containsExactly("c1", "p1");
    assertThat(merged.rankedTaken()).isEqualTo(2);
    assertThat(merged.moreAi()).isTrue();

    AiPostMerger.Merged rest = merge(List.of(), posts.subList(1, 2), 3);
    assertThat(ids(rest)).containsExactly("p2");
    assertThat(rest.moreAi()).isFalse();
  }

  @Test
  void noPostsPerPageShowsTheRankingAlone() {
    AiPostMerger off =
        new AiPostMerger(
            ConfigLoader.load(Map.of("FEED_AI_POSTS_PER_PAGE", "0")).feed(), "AI", null);
    List<RankedItem> ranked = List.of(content("c1", 0.1));
    AiPostMerger.Merged merged =
        off.merge(
            ranked,
            words,
            List.of(post("p1", Duration.ZERO, 1, 0)),
            5,
            NOW,
            (r, t) ->
                new FeedItem(
                    r.id(),
                    r.type(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    r.score(),
                    r.reasons(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null));
    assertThat(ids(merged)).containsExactly("c1");
    assertThat(off.readLimit(5)).isEqualTo(1);
  }
}
