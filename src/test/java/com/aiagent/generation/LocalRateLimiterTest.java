package com.aiagent.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  private static boolean allowed(LocalRateLimiter limiter, String key, Instant at) {
    return limiter.acquire(key, at).result().allowed();
  }

  @Test
  void noWindowBoundaryLetsTwiceTheLimitThroughInABurst() {
    LocalRateLimiter limiter = new LocalRateLimiter(10, Duration.ofMinutes(1), 1000);
    allowed(limiter, "u", T0);
    int passed = 0;
    // Around where a fixed window that began at T0 would end and the next begin: 59 s to 60.5 s.
    for (int i = 0; i < 20; i++) {
      if (allowed(limiter, "u", T0.plusMillis(59_000 + i * 75L))) {
        passed++;
      }
    }
    assertThat(passed).isLessThanOrEqualTo(10);
  }

  @Test
  void aSpentBucketRefillsOneTokenPerLimitthOfTheWindow() {
    LocalRateLimiter limiter = new LocalRateLimiter(4, Duration.ofSeconds(60), 1000);
    for (int i = 0; i < 4; i++) {
      assertThat(allowed(limiter, "u", T0)).isTrue();
    }
    RateLimiter.Decision refused = limiter.acquire("u", T0).result();
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(15);
    assertThat(allowed(limiter, "u", T0.plusSeconds(15))).isTrue();
    assertThat(allowed(limiter, "u", T0.plusSeconds(15))).isFalse();
  }

  @Test
  void itRemembersAtMostTheConfiguredNumberOfCallers() {
    LocalRateLimiter limiter = new LocalRateLimiter(1, Duration.ofMinutes(1), 100);
    for (int i = 0; i < 10_000; i++) {
      allowed(limiter, "user_" + i, T0);
    }
    assertThat(limiter.size()).isEqualTo(100);
    assertThat(allowed(limiter, "user_9999", T0)).as("recent callers are kept").isFalse();
  }
}
