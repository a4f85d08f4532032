package com.aiagent;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;

/**
 * The published-posts flow on PostgreSQL + pgvector, in a database of its own, with the Redis
 * ranking cache in front (so cached rankings are shared as in production).
 */
@Tag("services")
class PgPublishedPostsTest extends PublishedPostsFlow {
  private final PgTestDatabase db = new PgTestDatabase();

  @Override
  protected Map<String, String> env() {
    Map<String, String> env = new HashMap<>(db.env());
    env.put(
        "REDIS_URL",
        "redis://"
            + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1")
            + ":"
            + System.getenv().getOrDefault("REDIS_PORT", "6379"));
    env.put("REDIS_KEY_PREFIX", "published-posts-" + UUID.randomUUID() + ":");
    return env;
  }

  @Override
  protected void cleanUp() {
    db.close();
  }
}
