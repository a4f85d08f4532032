package com.aiagent.vertex;

import com.aiagent.config.AppConfig;

/**
 * What a module calls Vertex AI for: which config selects Vertex for it, its model and the variable
 * that sets the model, and its whole-call timeout.
 */
public enum VertexUse {
  EMBEDDING("embedding", "VERTEX_AI_EMBEDDING_MODEL"),
  LLM("llm", "VERTEX_AI_MODEL"),
  IMAGE("media", "VERTEX_AI_IMAGE_MODEL");

  private final String module;
  private final String modelKey;

  VertexUse(String module, String modelKey) {
    this.module = module;
    this.modelKey = modelKey;
  }

  /** The module's name, which also names its breaker ({@code vertex-<module>}). */
  public String module() {
    return module;
  }

  /** The environment variable that configures {@link #model}, named in logs. */
  public String modelKey() {
    return modelKey;
  }

  /** Whether the configuration picks Vertex AI as this module's provider. */
  public boolean selected(AppConfig config) {
    return switch (this) {
      case EMBEDDING -> "vertex".equals(config.embedding().provider());
      case LLM -> "vertex".equals(config.llm().provider());
      case IMAGE -> "vertex_imagen".equals(config.media().provider());
    };
  }

  public String model(AppConfig config) {
    return switch (this) {
      case EMBEDDING -> config.embedding().vertexModel();
      case LLM -> config.llm().vertexModel();
      case IMAGE -> config.media().vertexModel();
    };
  }

  public long timeoutMs(AppConfig config) {
    return switch (this) {
      case EMBEDDING -> config.vertex().embeddingTimeoutMs();
      case LLM -> config.vertex().llmTimeoutMs();
      case IMAGE -> config.vertex().imageTimeoutMs();
    };
  }
}
