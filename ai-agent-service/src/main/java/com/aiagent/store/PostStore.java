package com.aiagent.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps AI-generated feed posts, stored as the JSON document the API returns, each published into
 * its author's followers' feeds or not ({@link StoredPost#published}); the feed reads published
 * ones through {@link FeedStore#followedPosts}.
 */
public interface PostStore {
  Future<Void> save(StoredPost post);

  /** Which of {@code ids} are published posts that retention still keeps (any other id: none). */
  Future<Set<String>> publishedAmong(List<String> ids);

  Future<Optional<StoredPost>> find(String id);

  Future<Long> count();

  /**
   * Removes the posts that retention ({@code retention.*}) no longer keeps at {@code now}: beyond
   * the newest {@code max_generated} or older than {@code max_age_hours}; answers how many.
   */
  Future<Long> trim(Instant now);
}
