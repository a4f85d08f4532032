package com.aiagent.media;

/** The media module's bus addresses. */
public final class MediaAddresses {
  public static final String GENERATE = "media.generate";
  public static final String GET = "media.get";
  public static final String HEALTH = "media.health";

  private MediaAddresses() {}
}
