package com.aiagent.store;

import java.time.Instant;

/**
 * Which published posts of followed authors one feed page may show, newest first: made after {@code
 * since}, and before the position ({@code upTo}, {@code afterId}) in (created_at, id) descending
 * order ({@code afterId} null: made at or before {@code upTo}); of the reader's {@code maxAuthors}
 * newest follows; at most {@code limit}. A position rather than an offset, so a post hidden or
 * trimmed between pages shifts nothing.
 */
public record FollowedPostsQuery(
    Instant since, Instant upTo, String afterId, int maxAuthors, int limit) {

  /** Whether a post made at {@code createdAt} with {@code id} lies in the query's window. */
  public boolean admits(Instant createdAt, String id) {
    if (!createdAt.isAfter(since)) {
      return false;
    }
    int vsUpTo = createdAt.compareTo(upTo);
    return afterId == null ? vsUpTo <= 0 : vsUpTo < 0 || (vsUpTo == 0 && id.compareTo(afterId) < 0);
  }
}
