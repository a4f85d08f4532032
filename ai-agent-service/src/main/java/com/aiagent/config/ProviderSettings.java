package com.aiagent.config;

import java.nio.file.Path;

/**
 * The providers' sections of the configuration: embedding, writing, pictures, Google Cloud, Vertex
 * AI.
 */
final class ProviderSettings {
  private final ConfigTree tree;

  ProviderSettings(ConfigTree tree) {
    this.tree = tree;
  }

  AppConfig.Embedding embedding() {
    return new AppConfig.Embedding(
        tree.oneOf("embedding.provider", "local", "vertex"),
        tree.oneOf("embedding.local_model", "local-concept-v1", "local-hashing-v1"),
        tree.text("embedding.vertex_model"),
        tree.integer("embedding.dimension", 8, 4096),
        tree.integer("embedding.batch_size", 1, 250));
  }

  AppConfig.Llm llm() {
    return new AppConfig.Llm(
        tree.oneOf("llm.provider", "local", "vertex"),
        tree.text("llm.vertex_model"),
        tree.decimal("llm.temperature", 0, 2));
  }

  AppConfig.Media media() {
    return new AppConfig.Media(
        tree.oneOf("media.provider", "local", "none", "vertex_imagen"),
        tree.text("media.vertex_model"),
        tree.oneOf("media.store", "folder", "postgres", "gcs"),
        Path.of(tree.text("media.dir")),
        tree.integer("media.width", 64, 4096),
        tree.integer("media.height", 64, 4096),
        (float) tree.decimal("media.webp_quality", 0, 100),
        tree.integer("media.cache_max_age_seconds", 0, 31_536_000),
        tree.integer("media.worker_pool_size", 1, 64));
  }

  AppConfig.Gcp gcp() {
    return new AppConfig.Gcp(
        tree.optionalText("gcp.project_id"),
        tree.text("gcp.region"),
        tree.optionalText("gcp.credentials_file"));
  }

  AppConfig.Vertex vertex() {
    return new AppConfig.Vertex(
        tree.optionalUrl("vertex.base_url"),
        tree.optionalText("vertex.access_token"),
        tree.integer("vertex.embedding_timeout_ms", 100, 600_000),
        tree.integer("vertex.llm_timeout_ms", 100, 600_000),
        tree.integer("vertex.image_timeout_ms", 100, 600_000),
        tree.integer("vertex.retry_attempts", 1, 10),
        tree.statuses("vertex.retry_statuses"),
        tree.integer("vertex.retry_initial_delay_ms", 1, 60_000),
        tree.integer("vertex.retry_max_delay_ms", 1, 600_000),
        tree.integer("vertex.max_connections", 1, 1000),
        tree.integer("vertex.worker_pool_size", 1, 256),
        tree.integer("vertex.breaker_max_failures", 1, 1000),
        tree.integer("vertex.breaker_reset_ms", 100, 3_600_000),
        tree.integer("vertex.breaker_window_ms", 1000, 3_600_000));
  }
}
