package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
  private static final FeedCache.Ranked RANKED = new FeedCache.Ranked(T0, List.of());

  @Test
  void firstPagesReuseARankingOnlyWithinTheTtlAndOnlyForTheSameUser() {
    FeedCache cache = new FeedCache(Duration.ofSeconds(5), 10);
    cache.put("user_001", RANKED);
    assertThat(cache.fresh("user_001", T0.plusSeconds(4))).contains(RANKED);
    assertThat(cache.fresh("user_001", T0.plusSeconds(5))).isEmpty();
    assertThat(cache.fresh("user_002", T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void cursorsOnlyReuseTheRankingOfTheirOwnInstant() {
    FeedCache cache = new FeedCache(Duration.ofSeconds(5), 10);
    cache.put("user_001", RANKED);
    assertThat(cache.at("user_001", T0)).contains(RANKED);
    assertThat(cache.at("user_001", T0.plusMillis(1))).isEmpty();
  }

  @Test
  void leastRecentlyUsedUsersAreEvicted() {
    FeedCache cache = new FeedCache(Duration.ofSeconds(5), 2);
    cache.put("user_001", RANKED);
    cache.put("user_002", RANKED);
    cache.at("user_001", T0);
    cache.put("user_003", RANKED);
    assertThat(cache.at("user_001", T0)).isPresent();
    assertThat(cache.at("user_002", T0)).isEmpty();
    assertThat(cache.at("user_003", T0)).isPresent();
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() {
    FeedCache cache = new FeedCache(Duration.ZERO, 10);
    cache.put("user_001", RANKED);
    assertThat(cache.fresh("user_001", T0)).isEmpty();
    assertThat(cache.at("user_001", T0)).isEmpty();
  }
}
