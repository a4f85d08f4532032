package com.aiagent.generation;

/** The generation module's bus addresses. */
public final class GenerationAddresses {
  public static final String GENERATE_FEED = "generation.generate-feed";
  public static final String GET_POST = "generation.get-post";
  public static final String HEALTH = "generation.health";

  private GenerationAddresses() {}
}
