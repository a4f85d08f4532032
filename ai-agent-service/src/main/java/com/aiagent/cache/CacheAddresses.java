package com.aiagent.cache;

/** The cache module's bus addresses. */
public final class CacheAddresses {
  public static final String HEALTH = "cache.health";

  private CacheAddresses() {}
}
