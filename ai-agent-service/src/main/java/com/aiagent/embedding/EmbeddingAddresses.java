package com.aiagent.embedding;

/** The embedding module's bus addresses. */
public final class EmbeddingAddresses {
  public static final String EMBED = "embedding.embed";
  public static final String HEALTH = "embedding.health";

  private EmbeddingAddresses() {}
}
