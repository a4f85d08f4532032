package com.aiagent.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Keeps AI-generated feed posts, stored as the JSON document the API returns. */
public interface PostStore {
  Future<Void> save(StoredPost post);

  Future<Optional<StoredPost>> find(String id);

  Future<Long> count();

  /**
   * Removes the posts that retention ({@code retention.*}) no longer keeps at {@code now}: beyond
   * the newest {@code max_generated} or older than {@code max_age_hours}; answers how many.
   */
  Future<Long> trim(Instant now);
}
