package com.aiagent;

import java.util.Map;

/** The published-posts flow on the embedded default (in-memory stores, no Redis). */
class PublishedPostsTest extends PublishedPostsFlow {
  @Override
  protected Map<String, String> env() {
    return Map.of();
  }
}
