package com.aiagent.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
  private static final Instant T0 = Instant.parse("2026-12-03T00:00:00Z");

  private static boolean allowed(LocalRateLimiter limiter, String key, int limit, Instant at) {
    return limiter.acquire(key, limit, at).result().allowed();
  }

  @Test
  void noWindowBoundaryLetsTwiceTheLimitThroughInABurst() {
    LocalRateLimiter limiter = new LocalRateLimiter(Duration.ofMinutes(1), 1000);
    allowed(limiter, "u", 10, T0);
    int passed = 0;
    // Around where a fixed window that began at T0 would end and the next begin: 59 s to 60.5 s.
    for (int i = 0; i < 20; i++) {
      if (allowed(limiter, "u", 10, T0.plusMillis(59_000 + i * 75L))) {
        passed++;
      }
    }
    assertThat(passed).isLessThanOrEqualTo(10);
  }

  @Test
  void aSpentBucketRefillsOneTokenPerLimitthOfTheWindow() {
    LocalRateLimiter limiter = new LocalRateLimiter(Duration.ofSeconds(60), 1000);
    for (int i = 0; i < 4; i++) {
      assertThat(allowed(limiter, "u", 4, T0)).isTrue();
    }
    RateLimiter.Decision refused = limiter.acquire("u", 4, T0).result();
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(15);
    assertThat(allowed(limiter, "u", 4, T0.plusSeconds(15))).isTrue();
    assertThat(allowed(limiter, "u", 4, T0.plusSeconds(15))).isFalse();
  }

  @Test
  void itRemembersAtMostTheConfiguredNumberOfCallers() {
    LocalRateLimiter limiter = new LocalRateLimiter(Duration.ofMinutes(1), 100);
    for (int i = 0; i < 10_000; i++) {
      allowed(limiter, "user_" + i, 1, T0);
    }
    assertThat(limiter.size()).isEqualTo(100);
    assertThat(allowed(limiter, "user_9999", 1, T0)).as("recent callers are kept").isFalse();
  }

  @Test
  void eachCallerIsCountedAtTheLimitItIsGiven() {
    LocalRateLimiter limiter = new LocalRateLimiter(Duration.ofMinutes(1), 100);
    int frontEnd = 0;
    int partner = 0;
    for (int i = 0; i < 50; i++) {
      frontEnd += allowed(limiter, "caller:web", 30, T0) ? 1 : 0;
      partner += allowed(limiter, "caller:crm", 2, T0) ? 1 : 0;
    }
    assertThat(frontEnd).isEqualTo(30);
    assertThat(partner).isEqualTo(2);
  }
}
