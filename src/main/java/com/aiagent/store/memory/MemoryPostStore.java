package com.aiagent.store.memory;

import com.aiagent.store.PostStore;
import com.aiagent.store.StoredPost;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Generated posts kept for the life of the process. */
public final class MemoryPostStore implements PostStore {
  private final Map<String, StoredPost> posts = new ConcurrentHashMap<>();

  @Override
  public Future<Void> save(StoredPost post) {
    posts.put(post.id(), post);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<StoredPost>> find(String id) {
    return Future.succeededFuture(Optional.ofNullable(posts.get(id)));
  }

  @Override
  public Future<Long> count() {
    return Future.succeededFuture((long) posts.size());
  }
}
