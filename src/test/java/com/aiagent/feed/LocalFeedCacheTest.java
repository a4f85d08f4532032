package com.aiagent.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalFeedCacheTest {
  private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");
  private static final FeedCache.Ranked RANKED = new FeedCache.Ranked(T0, List.of());

  private static void put(LocalFeedCache cache, String userId) {
    cache.put(userId, RANKED, cache.fresh(userId, T0).result().token());
  }

  @Test
  void firstPagesReuseARankingOnlyWithinTheTtlAndOnlyForTheSameUser() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 10);
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0.plusSeconds(4)).result().ranked()).contains(RANKED);
    assertThat(cache.fresh("user_001", T0.plusSeconds(5)).result().ranked()).isEmpty();
    assertThat(cache.fresh("user_002", T0.plusSeconds(1)).result().ranked()).isEmpty();
  }

  @Test
  void aRankingStartedBeforeAnInvalidationNeverLandsAfterIt() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 10);
    FeedCache.Token before = cache.fresh("user_001", T0).result().token();
    cache.invalidate("user_001");
    cache.put("user_001", RANKED, before);
    assertThat(cache.fresh("user_001", T0).result().ranked()).isEmpty();
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0).result().ranked()).contains(RANKED);
  }

  @Test
  void cursorsOnlyReuseTheRankingOfTheirOwnInstant() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 10);
    put(cache, "user_001");
    assertThat(cache.at("user_001", T0).result()).contains(RANKED);
    assertThat(cache.at("user_001", T0.plusMillis(1)).result()).isEmpty();
  }

  @Test
  void leastRecentlyUsedUsersAreEvicted() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ofSeconds(5), 2);
    put(cache, "user_001");
    put(cache, "user_002");
    cache.at("user_001", T0);
    put(cache, "user_003");
    assertThat(cache.at("user_001", T0).result()).isPresent();
    assertThat(cache.at("user_002", T0).result()).isEmpty();
    assertThat(cache.at("user_003", T0).result()).isPresent();
  }

  @Test
  void aZeroTtlTurnsTheCacheOff() {
    LocalFeedCache cache = new LocalFeedCache(Duration.ZERO, 10);
    put(cache, "user_001");
    assertThat(cache.fresh("user_001", T0).result().ranked()).isEmpty();
    assertThat(cache.at("user_001", T0).result()).isEmpty();
  }
}
