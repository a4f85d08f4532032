package com.aiagent.feed;

/** The feed module's bus addresses. */
public final class FeedAddresses {
  public static final String GET = "feed.get";
  public static final String HEALTH = "feed.health";

  private FeedAddresses() {}
}
