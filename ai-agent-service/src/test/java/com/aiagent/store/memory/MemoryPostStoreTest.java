package com.aiagent.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.store.StoredPost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Retention of the generated posts the embedded default keeps in memory. */
class MemoryPostStoreTest {
  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** A clock the test moves. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private static StoredPost post(int i, Instant at) {
    return new StoredPost(
        "00000000-0000-0000-0000-" + String.format("%012d", i),
        "user_001",
        at,
        new JsonObject().put("i", i));
  }

  @Test
  void postsBeyondTheNewestConfiguredCountAreDropped() throws Exception {
    TestClock clock = new TestClock();
    MemoryPostStore posts = new MemoryPostStore(new AppConfig.Retention(3, 0, 60_000, 100), clock);
    for (int i = 0; i < 5; i++) {
      await(posts.save(post(i, clock.now)));
    }
    assertThat(await(posts.count())).isEqualTo(3);
    assertThat(await(posts.find(post(0, clock.now).id()))).isEmpty();
    assertThat(await(posts.find(post(1, clock.now).id()))).isEmpty();
    assertThat(await(posts.find(post(4, clock.now).id()))).isPresent();
  }

  @Test
  void postsOlderThanTheConfiguredAgeAreNeitherServedNorKept() throws Exception {
    TestClock clock = new TestClock();
    MemoryPostStore posts = new MemoryPostStore(new AppConfig.Retention(0, 24, 60_000, 100), clock);
    await(posts.save(post(1, clock.now)));
    clock.now = clock.now.plus(Duration.ofHours(12));
    await(posts.save(post(2, clock.now)));
    clock.now = clock.now.plus(Duration.ofHours(13));
    assertThat(await(posts.find(post(1, clock.now).id()))).as("25 hours old").isEmpty();
    assertThat(await(posts.find(post(2, clock.now).id()))).as("13 hours old").isPresent();
    assertThat(await(posts.trim(clock.now))).isEqualTo(1);
    assertThat(await(posts.count())).isEqualTo(1);
  }
}
