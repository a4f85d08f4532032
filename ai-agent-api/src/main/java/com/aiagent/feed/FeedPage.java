package com.aiagent.feed;

import java.util.List;

/**
 * A page of the feed; {@code nextCursor} is null on the last page. {@code missingSignals} names the
 * signals the ranking had to do without ({@value #GRAPH}: the graph store did not answer, so no
 * followed-author, similar-user or liked-similar boosts); null when none were missing.
 */
public record FeedPage(
    String userId, List<FeedItem> items, String nextCursor, List<String> missingSignals) {
  public static final String GRAPH = "graph";

  public FeedPage(String userId, List<FeedItem> items, String nextCursor) {
    this(userId, items, nextCursor, null);
  }
}
