package com.aiagent.feed;

/** The feed module's bus addresses. */
public final class FeedAddresses {
  public static final String GET = "feed.get";
  public static final String HEALTH = "feed.health";

  /**
   * Published (body: the user id) by whatever changes a user's data, so their cached feed is
   * dropped and the next request ranks afresh; the feed's upkeep verticle carries it to every other
   * instance through Redis.
   */
  public static final String USER_CHANGED = "feed.user-changed";

  /** Where this process receives other instances' changes from Redis (internal). */
  static final String USER_CHANGED_ELSEWHERE = "feed.user-changed.elsewhere";

  /** The header that marks a change that came from another instance. */
  static final String ORIGIN_HEADER = "origin";

  private FeedAddresses() {}
}
