package com.aiagent.store;

import io.vertx.core.Future;
import java.util.Optional;

/** Keeps AI-generated feed posts, stored as the JSON document the API returns. */
public interface PostStore {
  Future<Void> save(StoredPost post);

  Future<Optional<StoredPost>> find(String id);

  Future<Long> count();
}
