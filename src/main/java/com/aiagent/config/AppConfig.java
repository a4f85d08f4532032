package com.aiagent.config;

import java.nio.file.Path;

/**
 * The whole typed configuration, read once at start from {@code conf/<env>.json} and the
 * environment.
 */
public record AppConfig(
    String env,
    Http http,
    Bus bus,
    Stores stores,
    Embedding embedding,
    Llm llm,
    Media media,
    Gcp gcp,
    Feed feed,
    Generation generation,
    Seed seed,
    Postgres postgres,
    Redis redis,
    Vertex vertex) {

  public record Http(
      String host,
      int port,
      int instances,
      int maxBodyBytes,
      String publicBaseUrl,
      long shutdownGraceMs) {}

  /** Send timeouts per destination: LLM and image calls take longer than the 30 s bus default. */
  public record Bus(
      long feedTimeoutMs,
      long generationTimeoutMs,
      long embeddingTimeoutMs,
      long llmTimeoutMs,
      long mediaTimeoutMs,
      long healthTimeoutMs) {}

  public enum StoreKind {
    MEMORY,
    POSTGRES
  }

  public record Stores(StoreKind vector, StoreKind graph) {}

  public record Embedding(
      String provider, String localModel, String vertexModel, int dimension, int batchSize) {
    /** The model whose vectors the stores must hold. */
    public String activeModel() {
      return "local".equals(provider) ? localModel : vertexModel;
    }
  }

  public record Llm(String provider, String vertexModel) {}

  /**
   * How the Vertex AI providers reach Google: the endpoint ({@code baseUrl} null: Google's), a
   * static bearer token or else Application Default Credentials, a whole-call timeout per kind of
   * call, the SDK's attempts on 408/429/5xx, and one circuit breaker per provider.
   */
  public record Vertex(
      String baseUrl,
      String accessToken,
      long embeddingTimeoutMs,
      long llmTimeoutMs,
      long imageTimeoutMs,
      int retryAttempts,
      int maxConnections,
      int breakerMaxFailures,
      long breakerResetMs) {}

  public boolean usesVertex() {
    return "vertex".equals(embedding.provider())
        || "vertex".equals(llm.provider())
        || "vertex_imagen".equals(media.provider());
  }

  public record Media(
      String provider,
      String vertexModel,
      String store,
      Path dir,
      int width,
      int height,
      float webpQuality,
      long cacheMaxAgeSeconds,
      int workerPoolSize) {}

  public record Gcp(String projectId, String region, String credentialsFile) {}

  public record Feed(
      int defaultLimit,
      int maxLimit,
      int adEvery,
      int candidatePool,
      int instances,
      long cacheTtlMs,
      int cacheMaxUsers,
      long cursorTtlMs,
      double similarityWeight,
      double followedAuthorWeight,
      double similarUsersWeight,
      double freshnessWeight,
      double bidWeight,
      double freshnessHalfLifeHours,
      double interestThreshold) {}

  public record Generation(
      int maxPromptChars, int products, int campaigns, int rateLimitPerMinute) {}

  public record Seed(boolean enabled, int minCampaigns, long advisoryLockKey) {}

  /** Where PostgreSQL is; used when a store is {@link StoreKind#POSTGRES}. */
  public record Postgres(
      String host,
      int port,
      String database,
      String user,
      String password,
      int poolSize,
      int efSearch,
      String sslMode) {}

  /** Redis for the feed cache, the embedding cache and rate limits; {@code url} null: none. */
  public record Redis(
      String url,
      String keyPrefix,
      long embeddingTtlMs,
      long probeIntervalMs,
      long commandTimeoutMs) {
    public boolean enabled() {
      return url != null;
    }
  }

  public boolean usesPostgres() {
    return stores.vector() == StoreKind.POSTGRES || stores.graph() == StoreKind.POSTGRES;
  }
}
