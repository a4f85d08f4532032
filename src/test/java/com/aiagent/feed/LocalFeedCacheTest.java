package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalFeedCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
  private static final FeedCache.Ranked RANKED = new FeedCache.Ranked(T0, List.of());

  @Test
  void firstPagesReuseARankingOnlyWithinTheTtlAndOnlyForTheSameUser() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 10);
    cache.put("user_001", RANKED);
    assertThat(cache.fresh("user_001", T0.plusSeconds(4)).result()).contains(RANKED);
    assertThat(cache.fresh("user_001", T0.plusSeconds(5)).result()).isEmpty();
    assertThat(cache.fresh("user_002", T0.plusSeconds(1)).result()).isEmpty();
  }

  @Test
  void cursorsOnlyReuseTheRankingOfTheirOwnInstant() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 10);
    cache.put("user_001", RANKED);
    assertThat(cache.at("user_001", T0).result()).contains(RANKED);
    assertThat(cache.at("user_001", T0.plusMillis(1)).result()).isEmpty();
  }

  @Test
  void leastRecentlyUsedUsersAreEvicted() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 2);
    cache.put("user_001", RANKED);
    cache.put("user_002", RANKED);
    cache.at("user_001", T0);
    cache.put("user_003", RANKED);
    assertThat(cache.at("user_001", T0).result()).isPresent();
    assertThat(cache.at("user_002", T0).result()).isEmpty();
    assertThat(cache.at("user_003", T0).result()).isPresent();
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ZERO, 10);
    cache.put("user_001", RANKED);
    assertThat(cache.fresh("user_001", T0).result()).isEmpty();
    assertThat(cache.at("user_001", T0).result()).isEmpty();
  }
}
