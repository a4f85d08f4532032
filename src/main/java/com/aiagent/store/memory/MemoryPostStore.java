package com.aiagent.store.memory;

import com.aiagent.config.AppConfig;
import com.aiagent.store.PostStore;
import com.aiagent.store.StoredPost;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generated posts in this process, as retention keeps them: a save drops the posts beyond the
 * newest {@code retention.max_generated} and those older than {@code retention.max_age_hours}, and
 * a read never answers a post older than that.
 */
public final class MemoryPostStore implements PostStore {
  private final Map<String, StoredPost> posts = new ConcurrentHashMap<>();

  /** Posts in the order they were saved, oldest first; guarded by itself. */
  private final Deque<StoredPost> order = new ArrayDeque<>();

  private final int maxPosts;
  private final Duration maxAge;
  private final Clock clock;

  public MemoryPostStore(AppConfig.Retention retention, Clock clock) {
    this.maxPosts = retention.maxGenerated();
    this.maxAge = retention.maxAgeHours() == 0 ? null : Duration.ofHours(retention.maxAgeHours());
    this.clock = clock;
  }

  @Override
  public Future<Void> save(StoredPost post) {
    synchronized (order) {
      posts.put(post.id(), post);
      order.addLast(post);
      trimLocked(clock.instant());
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<StoredPost>> find(String id) {
    StoredPost post = posts.get(id);
    return Future.succeededFuture(
        post == null || expired(post, clock.instant()) ? Optional.empty() : Optional.of(post));
  }

  @Override
  public Future<Long> count() {
    return Future.succeededFuture((long) posts.size());
  }

  @Override
  public Future<Long> trim(Instant now) {
    synchronized (order) {
      return Future.succeededFuture(trimLocked(now));
    }
  }

  private long trimLocked(Instant now) {
    long removed = 0;
    while (!order.isEmpty()
        && ((maxPosts > 0 && order.size() > maxPosts) || expired(order.peekFirst(), now))) {
      StoredPost oldest = order.pollFirst();
      posts.remove(oldest.id(), oldest);
      removed++;
    }
    return removed;
  }

  private boolean expired(StoredPost post, Instant now) {
    return maxAge != null && post.createdAt().isBefore(now.minus(maxAge));
  }
}
