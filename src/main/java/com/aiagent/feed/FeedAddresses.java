package com.aiagent.feed;

/** The feed module's bus addresses. */
public final class FeedAddresses {
  public static final String GET = "feed.get";
  public static final String HEALTH = "feed.health";

  /**
   * Published (body: the user id) by whatever changes a user's data, so their cached feed is
   * dropped and the next request ranks afresh.
   */
  public static final String USER_CHANGED = "feed.user-changed";

  private FeedAddresses() {}
}
