package com.aiagent.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A generated post as kept: its id, author, the document the generation module made, and whether it
 * was published into the author's followers' feeds.
 */
public record StoredPost(
    String id, String userId, Instant createdAt, JsonObject document, boolean published) {

  /** A post kept for its author only (not published). */
  public StoredPost(String id, String userId, Instant createdAt, JsonObject document) {
    this(id, userId, createdAt, document, false);
  }
}
