package com.aiagent.config;

import java.nio.file.Path;

/**
 * The whole typed configuration, read once at start from {@code conf/<env>.json} and the
 * environment.
 */
public record AppConfig(
    String env,
    Http http,
    Auth auth,
    Metrics metrics,
    Bus bus,
    Stores stores,
    Embedding embedding,
    Llm llm,
    Media media,
    Gcp gcp,
    Feed feed,
    Ads ads,
    Events events,
    Generation generation,
    Seed seed,
    Retention retention,
    Search search,
    Postgres postgres,
    Redis redis,
    Vertex vertex,
    Neo4j neo4j,
    VectorSearch vectorSearch,
    Gcs gcs,
    Cluster cluster) {

  public record Http(
      String host,
      int port,
      int instances,
      int maxBodyBytes,
      String publicBaseUrl,
      long shutdownGraceMs,
      long drainAnswerMs,
      long shutdownLimitMs,
      boolean healthDetails,
      int idleTimeoutSeconds,
      int maxInitialLineBytes,
      int maxHeaderBytes,
      java.util.List<String> allowedHosts,
      java.util.List<String> corsOrigins,
      int maxConnections,
      long headerTimeoutMs) {}

  /**
   * Who may call the API. {@code mode}: {@code open} (anyone: the embedded default's one-command
   * start), {@code api_keys} (each caller sends its key from the API_KEYS secret) or {@code iam}
   * (Cloud Run IAM has verified the caller's Google ID token; only the listed principals pass).
   * Writes always need a caller outside {@code open}; {@code openReads} lets the feed and a post be
   * read without one. A caller acts only for its users, and the rate limit counts per caller.
   */
  public record Auth(String mode, java.util.List<Caller> callers, boolean openReads) {
    public boolean open() {
      return "open".equals(mode);
    }
  }

  /** {@code GET path} in Prometheus text format (HTTP, bus, pools, JVM and the product's own). */
  public record Metrics(boolean enabled, String path) {}

  /** Send timeouts per destination: LLM and image calls take longer than the 30 s bus default. */
  public record Bus(
      long feedTimeoutMs,
      long generationTimeoutMs,
      long embeddingTimeoutMs,
      long llmTimeoutMs,
      long mediaTimeoutMs,
      long eventsTimeoutMs,
      long healthTimeoutMs) {}

  public enum StoreKind {
    MEMORY,
    POSTGRES,
    /** The graph only. */
    NEO4J
  }

  /**
   * What answers nearest-neighbour queries: the vector store over its own vectors ({@code STORE}:
   * an in-memory scan or pgvector's HNSW), or Vertex AI Vector Search, fed from PostgreSQL.
   */
  public enum VectorIndex {
    STORE,
    VERTEX_VECTOR_SEARCH
  }

  public record Stores(StoreKind vector, StoreKind graph, VectorIndex vectorIndex) {}

  public record Embedding(
      String provider, String localModel, String vertexModel, int dimension, int batchSize) {
    /** The model whose vectors the stores must hold. */
    public String activeModel() {
      return "local".equals(provider) ? localModel : vertexModel;
    }
  }

  /** {@code temperature}: Gemini's sampling temperature for writing posts. */
  public record Llm(String provider, String vertexModel, double temperature) {}

  /**
   * How the Vertex AI providers reach Google: the endpoint ({@code baseUrl} null: Google's), a
   * static bearer token or else Application Default Credentials, a whole-call timeout per kind of
   * call, the SDK's attempts on {@code retryStatuses} with their backoff, the worker pool the SDK
   * is called from (it may refresh credentials inline), and one circuit breaker per provider
   * counting failures over {@code breakerWindowMs}.
   */
  public record Vertex(
      String baseUrl,
      String accessToken,
      long embeddingTimeoutMs,
      long llmTimeoutMs,
      long imageTimeoutMs,
      int retryAttempts,
      java.util.List<Integer> retryStatuses,
      long retryInitialDelayMs,
      long retryMaxDelayMs,
      int maxConnections,
      int workerPoolSize,
      int breakerMaxFailures,
      long breakerResetMs,
      long breakerWindowMs) {}

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

  /**
   * The feed: page sizes, ad slots, how many candidates a feed's vector searches fetch ({@code
   * contentPool}, {@code adPool}; far fewer than generation's retrieval, at {@code efSearch}), the
   * ranking cache, the stored candidate lists and the bounds of the similar-users signal.
   */
  public record Feed(
      int defaultLimit,
      int maxLimit,
      int adEvery,
      int contentPool,
      int adPool,
      int efSearch,
      int poolSize,
      int instances,
      long cacheTtlMs,
      int cacheMaxUsers,
      int cacheMaxKb,
      long cursorTtlMs,
      Weights weights,
      double freshnessHalfLifeHours,
      double interestThreshold,
      double likedSimilarThreshold,
      int seenSaturation,
      Signals signals,
      Candidates candidates,
      Texts texts,
      AiPosts aiPosts) {}

  /**
   * Published AI-generated posts of followed authors, merged into each page at page time: at most
   * {@code perPage} per page (0: none), none older than {@code maxAgeHours}, read from the reader's
   * {@code maxAuthors} newest follows.
   */
  public record AiPosts(int perPage, int maxAgeHours, int maxAuthors) {}

  /**
   * The in-process cache of item words (titles and bodies) that pages show, bounded by an estimate
   * of its heap use; entries expire so edited copy shows within {@code cacheTtlMs}.
   */
  public record Texts(int cacheMaxKb, long cacheTtlMs) {}

  /** What each signal adds to (or, for {@code seen}, takes from) a feed item's score. */
  public record Weights(
      double similarity,
      double followedAuthor,
      double similarUsers,
      double likedSimilar,
      double freshness,
      double seen,
      double bid) {}

  /**
   * Bounds of the "liked by similar users" and "like what you liked" signals: the user's {@code
   * recentLikes} newest likes, up to {@code likersPerLike} other users who liked each, up to {@code
   * followedPeers} followed users, and up to {@code peerLikes} newest likes of each such peer. The
   * work per feed is bounded by these, however large the graph around a user grows.
   */
  public record Signals(int recentLikes, int likersPerLike, int followedPeers, int peerLikes) {}

  /**
   * Stored candidate lists: built on a miss and by the background warmer, which rebuilds lists of
   * users active on this instance once they are older than {@code refreshAfterMs}, at most {@code
   * warmBatch} per tick of {@code warmIntervalMs}, remembering up to {@code activeUsers} users.
   * {@code enabled} false builds candidates per request and stores nothing (the benchmark's
   * uncached run).
   */
  public record Candidates(
      boolean enabled,
      long maxAgeMs,
      long refreshAfterMs,
      long warmIntervalMs,
      int warmBatch,
      int activeUsers) {}

  /**
   * Ad delivery rules: a campaign without its own cap shows at most {@code frequencyCapPerDay}
   * times per user per day, and one without its own budget spends at most {@code
   * defaultDailyBudget} per day (an impression costs bid / 1000); days are counted in {@code zone}.
   */
  public record Ads(
      int frequencyCapPerDay, double defaultDailyBudget, java.time.ZoneId zone, String label) {}

  /**
   * User events: batch size and body size, how far in the future or past a {@code ts} may lie, and
   * how far one click, like or purchase moves the user's taste vector toward the item.
   */
  public record Events(
      int maxBatch,
      int maxBodyBytes,
      long maxFutureMs,
      long maxAgeMs,
      double clickWeight,
      double likeWeight,
      double purchaseWeight) {}

  /**
   * {@code aiLabel}: the mark every generated post carries ("AI 생성 · AI-generated"). A request has
   * {@code budgetMs} in all (less than the caller's {@code bus.generation_timeout_ms}); its steps
   * get their part of it ({@code embedTimeoutMs}, {@code writeTimeoutMs}, {@code drawTimeoutMs},
   * {@code saveTimeoutMs}, which add up to at most the budget) or what is left. {@code
   * rateLimitLocalMaxKeys} bounds the callers the in-process rate limiter remembers.
   */
  public record Generation(
      int maxPromptChars,
      int products,
      int campaigns,
      int rateLimitPerMinute,
      String aiLabel,
      long budgetMs,
      long embedTimeoutMs,
      long writeTimeoutMs,
      long drawTimeoutMs,
      long saveTimeoutMs,
      int rateLimitLocalMaxKeys) {}

  /**
   * {@code lockTimeoutMs}: how long a start waits for another instance's seeding (the advisory
   * lock), trying every {@code lockRetryMs}, before it fails with a line saying so. {@code
   * embedAttempts}: tries of each seed embedding batch when the embedding module is unavailable or
   * slow, waiting from {@code embedRetryInitialMs} doubling up to {@code embedRetryMaxMs} between
   * them.
   */
  public record Seed(
      boolean enabled,
      int minCampaigns,
      long advisoryLockKey,
      long lockTimeoutMs,
      long lockRetryMs,
      int embedAttempts,
      long embedRetryInitialMs,
      long embedRetryMaxMs) {}

  /**
   * How long generated posts and their pictures are kept: the newest {@code maxGenerated} of each
   * (0: no count limit), none older than {@code maxAgeHours} (0: no age limit). In memory a save
   * trims at once; PostgreSQL ({@code generated_posts}, {@code media}) is trimmed every {@code
   * trimIntervalMs}, at most {@code trimBatch} rows per statement.
   */
  /**
   * Retrieval for generated posts: {@code mode} hybrid (BM25 and vector search fused by reciprocal
   * rank, {@code weight / (rrfK + rank)} per list), vector or lexical; {@code candidates} fetched
   * from each retriever before fusing; the lexical index checks the catalogue for writes every
   * {@code refreshIntervalMs}; below {@code minSimilarity} (cosine, for the local embedder) or
   * {@code minSimilarityVertex} (for Vertex AI embeddings, whose cosines sit in another range) no
   * retrieved item counts as relevant, and the post says so instead of pushing unrelated products;
   * -1 turns the check off.
   */
  public record Search(
      String mode,
      int rrfK,
      int candidates,
      double vectorWeight,
      double lexicalWeight,
      long refreshIntervalMs,
      double minSimilarity,
      double minSimilarityVertex) {
    /** The threshold for the vectors of an embedding provider. */
    public double minSimilarityFor(String embeddingProvider) {
      return "vertex".equals(embeddingProvider) ? minSimilarityVertex : minSimilarity;
    }
  }

  public record Retention(int maxGenerated, int maxAgeHours, long trimIntervalMs, int trimBatch) {}

  /**
   * Where PostgreSQL is; used when a store is {@link StoreKind#POSTGRES}. Every pool queues at most
   * {@code maxWaitQueue} requests for a connection (more fail at once), and every session ends a
   * statement after {@code statementTimeoutMs} and an idle open transaction after {@code
   * idleInTransactionTimeoutMs}.
   */
  public record Postgres(
      String host,
      int port,
      String database,
      String user,
      String password,
      int poolSize,
      int efSearch,
      String sslMode,
      int maxWaitQueue,
      long statementTimeoutMs,
      long idleInTransactionTimeoutMs) {}

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

  /**
   * Where Neo4j is; used when the graph store is {@link StoreKind#NEO4J}. {@code password} null: no
   * auth. Every call waits at most {@code timeoutMs} (for a connection, retries included); the
   * driver keeps up to {@code poolSize} connections. A feed build checks candidate authors against
   * the user's newest {@code followsChecked} follows. With Redis and {@code cacheTtlMs} above 0,
   * the feed's graph reads go through Redis, kept that long and deleted by the user's own writes.
   */
  public record Neo4j(
      String uri,
      String user,
      String password,
      String database,
      long timeoutMs,
      long writeTimeoutMs,
      int poolSize,
      int followsChecked,
      long cacheTtlMs) {}

  /**
   * Vertex AI Vector Search, used when {@link Stores#vectorIndex} is {@link
   * VectorIndex#VERTEX_VECTOR_SEARCH}: the index (full resource name) that takes streaming upserts
   * at {@code adminBaseUrl}, the index endpoint (full resource name) and deployed index that answer
   * queries at {@code queryBaseUrl}; each query waits at most {@code timeoutMs}, retried and broken
   * as the other Vertex AI calls are; upserts go {@code upsertBatchSize} datapoints at a time, each
   * batch waiting at most {@code upsertTimeoutMs}, retried but outside the queries' breaker.
   */
  public record VectorSearch(
      String index,
      String indexEndpoint,
      String deployedIndexId,
      String adminBaseUrl,
      String queryBaseUrl,
      long timeoutMs,
      long upsertTimeoutMs,
      int upsertBatchSize,
      int maxConnections) {}

  public boolean usesVectorSearch() {
    return stores.vectorIndex() == VectorIndex.VERTEX_VECTOR_SEARCH;
  }

  /**
   * Cloud Storage for pictures ({@code media.store} gcs): the bucket, the JSON API's origin ({@code
   * baseUrl}, another for a fake), a static bearer token ({@code accessToken} null: Application
   * Default Credentials), and the longest wait for one call.
   */
  public record Gcs(String bucket, String baseUrl, String accessToken, long timeoutMs) {}

  /**
   * The clustered event bus (Hazelcast, TCP/IP join with {@code members}, multicast off): {@code
   * host} is the interface Hazelcast and the bus bind to and advertise, {@code port} Hazelcast's
   * member port, {@code busPort} the bus's own (0: any free one). {@code modules}: the modules this
   * member deploys ({@link #MODULES} when all). {@code joinWaitSeconds}: how long a starting member
   * looks for the others before it may found a cluster of its own.
   */
  public record Cluster(
      boolean enabled,
      String name,
      String host,
      int port,
      java.util.List<String> members,
      int busPort,
      java.util.Set<String> modules,
      int joinWaitSeconds) {
    public static final java.util.List<String> MODULES =
        java.util.List.of("http", "feed", "events", "generation", "embedding", "llm", "media");

    public boolean runs(String module) {
      return modules.contains(module);
    }
  }

  public boolean usesNeo4j() {
    return stores.graph() == StoreKind.NEO4J;
  }

  public boolean usesPostgres() {
    return stores.vector() == StoreKind.POSTGRES || stores.graph() == StoreKind.POSTGRES;
  }
}
