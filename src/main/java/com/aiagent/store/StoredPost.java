package com.aiagent.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** A generated post as kept: its id, author and the document the generation module made. */
public record StoredPost(String id, String userId, Instant createdAt, JsonObject document) {}
