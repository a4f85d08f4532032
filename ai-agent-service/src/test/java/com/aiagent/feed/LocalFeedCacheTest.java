package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LocalFeedCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
  private static final FeedCache.Ranked RANKED = new FeedCache.Ranked(T0, List.of());

  private static void put(LocalFeedCache cache, String userId) {
    cache.put(userId, RANKED, cache.fresh(userId, T0).result().token());
  }

  @Test
  void firstPagesReuseARankingOnlyWithinTheTtlAndOnlyForTheSameUser() {
    LocalFeedCache cache =
        new LocalFeedCache(Duration.ofSeconds(5), Duration.ofMinutes(1), 1024, 10);
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0.plusSeconds(4)).result().ranked()).contains(RANKED);
    assertThat(cache.fresh("user_001", T0.plusSeconds(5)).result().ranked()).isEmpty();
    assertThat(cache.fresh("user_002", T0.plusSeconds(1)).result().ranked()).isEmpty();
  }

  @Test
  void aRankingStartedBeforeAnInvalidationNeverLandsAfterIt() {
    LocalFeedCache cache =
        new LocalFeedCache(Duration.ofSeconds(5), Duration.ofMinutes(1), 1024, 10);
    FeedCache.Token before = cache.fresh("user_001", T0).result().token();
    cache.invalidate("user_001");
    cache.put("user_001", RANKED, before);
    assertThat(cache.fresh("user_001", T0).result().ranked()).isEmpty();
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0).result().ranked()).contains(RANKED);
  }

  @Test
  void cursorsOnlyReuseTheRankingOfTheirOwnInstant() {
    LocalFeedCache cache =
        new LocalFeedCache(Duration.ofSeconds(5), Duration.ofMinutes(1), 1024, 10);
    put(cache, "user_001");
    assertThat(cache.at("user_001", T0).result()).contains(RANKED);
    assertThat(cache.at("user_001", T0.plusMillis(1)).result()).isEmpty();
  }

  @Test
  void rankingsAreBoundedByTheirWeightNotTheirCount() {
    // 64 KB and rankings of 20 items (about 6 KB each): a count bound of 10,000 users would keep
    // all 100 of them.
    LocalFeedCache cache =
        new LocalFeedCache(Duration.ofSeconds(5), Duration.ofMinutes(1), 64, 10_000);
    List<RankedItem> items = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      items.add(
          new RankedItem(
              "content_" + i,
              "content",
              "beauty",
              1,
              List.of("fresh"),
              "user_009",
              T0,
              null,
              null));
    }
    FeedCache.Ranked ranked = new FeedCache.Ranked(T0, List.copyOf(items));
    for (int u = 0; u < 100; u++) {
      String userId = "user_" + u;
      cache.put(userId, ranked, cache.fresh(userId, T0).result().token());
    }

    long kept =
        IntStream.range(0, 100).filter(u -> cache.at("user_" + u, T0).result().isPresent()).count();
    assertThat(kept).isBetween(1L, 11L);
  }

  @Test
  void aCursorFindsItsRankingAfterTheFirstPageTtlWhileTheCursorLives() {
    LocalFeedCache cache =
        new LocalFeedCache(Duration.ofMillis(1), Duration.ofMinutes(1), 1024, 10);
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0.plusSeconds(1)).result().ranked()).isEmpty();
    assertThat(cache.at("user_001", T0).result()).contains(RANKED);
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ZERO, Duration.ofMinutes(1), 1024, 10);
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0).result().ranked()).isEmpty();
    assertThat(cache.at("user_001", T0).result()).isEmpty();
  }
}
