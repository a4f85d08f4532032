package com.aiagent.store.memory;

import com.aiagent.config.AppConfig;
import com.aiagent.store.FollowedPostsQuery;
import com.aiagent.store.PostStore;
import com.aiagent.store.StoredPost;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Generated posts in this process, as retention keeps them: a save drops the posts beyond the
 * newest {@code retention.max_generated} and those older than {@code retention.max_age_hours}, and
 * a read never answers a post older than that. Published posts are also indexed per author, newest
 * first, for the followers' feeds.
 */
public final class MemoryPostStore implements PostStore {
  /** Newest first: created_at, then id, descending (the order PostgreSQL's index gives). */
  static final Comparator<StoredPost> NEWEST_FIRST =
      Comparator.comparing(StoredPost::createdAt).thenComparing(StoredPost::id).reversed();

  private final Map<String, StoredPost> posts = new ConcurrentHashMap<>();

  /** Posts in the order they were saved, oldest first; guarded by itself, as is the index. */
  private final Deque<StoredPost> order = new ArrayDeque<>();

  private final Map<String, NavigableSet<StoredPost>> publishedByAuthor = new HashMap<>();

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
      if (post.published()) {
        publishedByAuthor
            .computeIfAbsent(post.userId(), a -> new TreeSet<>(NEWEST_FIRST))
            .add(post);
      }
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
  public Future<Set<String>> publishedAmong(List<String> ids) {
    Instant now = clock.instant();
    Set<String> found = new LinkedHashSet<>();
    for (String id : ids) {
      StoredPost post = posts.get(id);
      if (post != null && post.published() && !expired(post, now)) {
        found.add(id);
      }
    }
    return Future.succeededFuture(found);
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

  /**
   * The author's published posts that {@code query} admits and {@code shown} accepts, newest first,
   * up to the query's limit.
   */
  List<StoredPost> publishedBy(
      String authorId, FollowedPostsQuery query, Predicate<StoredPost> shown) {
    Instant now = clock.instant();
    List<StoredPost> found = new ArrayList<>();
    synchronized (order) {
      NavigableSet<StoredPost> own = publishedByAuthor.get(authorId);
      if (own == null) {
        return found;
      }
      for (StoredPost post : own) {
        if (found.size() == query.limit() || !post.createdAt().isAfter(query.since())) {
          break;
        }
        if (query.admits(post.createdAt(), post.id()) && !expired(post, now) && shown.test(post)) {
          found.add(post);
        }
      }
    }
    return found;
  }

  private long trimLocked(Instant now) {
    long removed = 0;
    while (!order.isEmpty()
        && ((maxPosts > 0 && order.size() > maxPosts) || expired(order.peekFirst(), now))) {
      StoredPost oldest = order.pollFirst();
      posts.remove(oldest.id(), oldest);
      NavigableSet<StoredPost> own = publishedByAuthor.get(oldest.userId());
      if (own != null && own.remove(oldest) && own.isEmpty()) {
        publishedByAuthor.remove(oldest.userId());
      }
      removed++;
    }
    return removed;
  }

  private boolean expired(StoredPost post, Instant now) {
    return maxAge != null && post.createdAt().isBefore(now.minus(maxAge));
  }
}
