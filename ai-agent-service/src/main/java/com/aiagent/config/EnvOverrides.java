package com.aiagent.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The environment variables the service reads (the original guide's names among them), each mapped
 * onto a key of the configuration tree, and {@code DATABASE_URL} as libpq writes it. The
 * environment always wins over the files; a value set here is named by its variable in errors.
 */
final class EnvOverrides {
  private record Override(String variable, String path, Function<String, String> mapping) {}

  private static final List<Override> OVERRIDES =
      List.of(
          new Override("PORT", "http.port", Function.identity()),
          new Override("HTTP_INSTANCES", "http.instances", Function.identity()),
          new Override("PUBLIC_BASE_URL", "http.public_base_url", Function.identity()),
          new Override("HEALTH_DETAILS", "http.health_details", Function.identity()),
          new Override("ALLOWED_HOSTS", "http.allowed_hosts", Function.identity()),
          new Override("CORS_ORIGINS", "http.cors_origins", Function.identity()),
          new Override("HTTP_MAX_CONNECTIONS", "http.max_connections", Function.identity()),
          new Override("HTTP_HEADER_TIMEOUT_MS", "http.header_timeout_ms", Function.identity()),
          new Override("SHUTDOWN_GRACE_MS", "http.shutdown_grace_ms", Function.identity()),
          new Override("DRAIN_ANSWER_MS", "http.drain_answer_ms", Function.identity()),
          new Override("SHUTDOWN_LIMIT_MS", "http.shutdown_limit_ms", Function.identity()),
          new Override(
              "HTTP_IDLE_TIMEOUT_SECONDS", "http.idle_timeout_seconds", Function.identity()),
          new Override("CLUSTER", "cluster.enabled", Function.identity()),
          new Override("CLUSTER_NAME", "cluster.name", Function.identity()),
          new Override("CLUSTER_HOST", "cluster.host", Function.identity()),
          new Override("CLUSTER_PORT", "cluster.port", Function.identity()),
          new Override("CLUSTER_MEMBERS", "cluster.members", Function.identity()),
          new Override("CLUSTER_BUS_PORT", "cluster.bus_port", Function.identity()),
          new Override("MODULES", "cluster.modules", Function.identity()),
          new Override(
              "CLUSTER_JOIN_WAIT_SECONDS", "cluster.join_wait_seconds", Function.identity()),
          new Override("METRICS_ENABLED", "metrics.enabled", Function.identity()),
          new Override("METRICS_PATH", "metrics.path", Function.identity()),
          new Override("AUTH_MODE", "auth.mode", Function.identity()),
          new Override("API_KEYS", "auth.api_keys", Function.identity()),
          new Override("AUTH_IAM_CALLERS", "auth.iam_callers", Function.identity()),
          new Override("AUTH_OPEN_READS", "auth.open_reads", Function.identity()),
          new Override("USE_MOCK_VECTOR_DB", "stores.vector", EnvOverrides::storeFromMockFlag),
          new Override("USE_MOCK_GRAPH_DB", "stores.graph", EnvOverrides::storeFromMockFlag),
          // After USE_MOCK_GRAPH_DB: GRAPH_DB=neo4j picks Neo4j where that flag said "not mock".
          new Override("GRAPH_DB", "stores.graph", Function.identity()),
          // After USE_MOCK_VECTOR_DB: VECTOR_DB names the store and what searches it.
          new Override("VECTOR_DB", "stores.vector", EnvOverrides::vectorStore),
          new Override("VECTOR_DB", "stores.vector_index", EnvOverrides::vectorIndex),
          new Override("VERTEX_VECTOR_SEARCH_INDEX", "vector_search.index", Function.identity()),
          new Override(
              "VERTEX_VECTOR_SEARCH_INDEX_ENDPOINT",
              "vector_search.index_endpoint",
              Function.identity()),
          new Override(
              "VERTEX_VECTOR_SEARCH_DEPLOYED_INDEX_ID",
              "vector_search.deployed_index_id",
              Function.identity()),
          new Override(
              "VERTEX_VECTOR_SEARCH_ENDPOINT_DOMAIN",
              "vector_search.endpoint_domain",
              Function.identity()),
          new Override(
              "VERTEX_VECTOR_SEARCH_TIMEOUT_MS", "vector_search.timeout_ms", Function.identity()),
          new Override("NEO4J_URI", "neo4j.uri", Function.identity()),
          new Override("NEO4J_USER", "neo4j.user", Function.identity()),
          new Override("NEO4J_PASSWORD", "neo4j.password", Function.identity()),
          new Override("NEO4J_DATABASE", "neo4j.database", Function.identity()),
          new Override("NEO4J_TIMEOUT_MS", "neo4j.timeout_ms", Function.identity()),
          new Override("NEO4J_WRITE_TIMEOUT_MS", "neo4j.write_timeout_ms", Function.identity()),
          new Override("NEO4J_CACHE_TTL_MS", "neo4j.cache_ttl_ms", Function.identity()),
          new Override("EMBEDDING_PROVIDER", "embedding.provider", Function.identity()),
          new Override("EMBEDDING_BATCH_SIZE", "embedding.batch_size", Function.identity()),
          new Override("VERTEX_AI_EMBEDDING_MODEL", "embedding.vertex_model", Function.identity()),
          new Override("LLM_PROVIDER", "llm.provider", Function.identity()),
          new Override("VERTEX_AI_MODEL", "llm.vertex_model", Function.identity()),
          new Override("VERTEX_AI_TEMPERATURE", "llm.temperature", Function.identity()),
          new Override("MEDIA_PROVIDER", "media.provider", Function.identity()),
          new Override("VERTEX_AI_IMAGE_MODEL", "media.vertex_model", Function.identity()),
          new Override("VERTEX_AI_BASE_URL", "vertex.base_url", Function.identity()),
          new Override("VERTEX_AI_ACCESS_TOKEN", "vertex.access_token", Function.identity()),
          new Override("VERTEX_AI_TIMEOUT_MS", "vertex.llm_timeout_ms", Function.identity()),
          new Override(
              "VERTEX_AI_EMBEDDING_TIMEOUT_MS", "vertex.embedding_timeout_ms", Function.identity()),
          new Override(
              "VERTEX_AI_IMAGE_TIMEOUT_MS", "vertex.image_timeout_ms", Function.identity()),
          new Override("VERTEX_AI_RETRY_ATTEMPTS", "vertex.retry_attempts", Function.identity()),
          new Override("VERTEX_AI_RETRY_STATUSES", "vertex.retry_statuses", Function.identity()),
          new Override(
              "VERTEX_AI_RETRY_INITIAL_DELAY_MS",
              "vertex.retry_initial_delay_ms",
              Function.identity()),
          new Override(
              "VERTEX_AI_RETRY_MAX_DELAY_MS", "vertex.retry_max_delay_ms", Function.identity()),
          new Override(
              "VERTEX_AI_WORKER_POOL_SIZE", "vertex.worker_pool_size", Function.identity()),
          new Override(
              "VERTEX_AI_BREAKER_WINDOW_MS", "vertex.breaker_window_ms", Function.identity()),
          new Override(
              "VERTEX_AI_BREAKER_MAX_FAILURES", "vertex.breaker_max_failures", Function.identity()),
          new Override(
              "VERTEX_AI_BREAKER_RESET_MS", "vertex.breaker_reset_ms", Function.identity()),
          new Override("MEDIA_DIR", "media.dir", Function.identity()),
          new Override("MEDIA_STORE", "media.store", Function.identity()),
          new Override("GCS_BUCKET", "gcs.bucket", Function.identity()),
          new Override("GCS_BASE_URL", "gcs.base_url", Function.identity()),
          new Override("GCS_ACCESS_TOKEN", "gcs.access_token", Function.identity()),
          new Override("GCS_TIMEOUT_MS", "gcs.timeout_ms", Function.identity()),
          new Override("GCP_PROJECT_ID", "gcp.project_id", Function.identity()),
          new Override("GCP_REGION", "gcp.region", Function.identity()),
          new Override(
              "GOOGLE_APPLICATION_CREDENTIALS", "gcp.credentials_file", Function.identity()),
          new Override("FEED_AD_EVERY", "feed.ad_every", Function.identity()),
          new Override("FEED_INSTANCES", "feed.instances", Function.identity()),
          new Override("FEED_CACHE_TTL_MS", "feed.cache_ttl_ms", Function.identity()),
          new Override("FEED_CANDIDATES", "feed.candidates.enabled", Function.identity()),
          new Override("FEED_EF_SEARCH", "feed.ef_search", Function.identity()),
          new Override("FEED_TEXT_CACHE_KB", "feed.texts.cache_max_kb", Function.identity()),
          new Override("FEED_CACHE_KB", "feed.cache_max_kb", Function.identity()),
          new Override("FEED_DB_POOL_SIZE", "feed.pool_size", Function.identity()),
          new Override("FEED_AI_POSTS_PER_PAGE", "feed.ai_posts.per_page", Function.identity()),
          new Override(
              "FEED_AI_POST_MAX_AGE_HOURS", "feed.ai_posts.max_age_hours", Function.identity()),
          new Override(
              "ADS_FREQUENCY_CAP_PER_DAY", "ads.frequency_cap_per_day", Function.identity()),
          new Override("ADS_DEFAULT_DAILY_BUDGET", "ads.default_daily_budget", Function.identity()),
          new Override("SEED_ENABLED", "seed.enabled", Function.identity()),
          new Override("SEED_LOCK_TIMEOUT_MS", "seed.lock_timeout_ms", Function.identity()),
          new Override("SEARCH_MODE", "search.mode", Function.identity()),
          new Override(
              "SEARCH_REFRESH_INTERVAL_MS", "search.refresh_interval_ms", Function.identity()),
          new Override("RETENTION_MAX_GENERATED", "retention.max_generated", Function.identity()),
          new Override("RETENTION_MAX_AGE_HOURS", "retention.max_age_hours", Function.identity()),
          new Override(
              "RETENTION_TRIM_INTERVAL_MS", "retention.trim_interval_ms", Function.identity()),
          new Override("SEED_EMBED_ATTEMPTS", "seed.embed_attempts", Function.identity()),
          new Override(
              "SEED_EMBED_RETRY_INITIAL_MS", "seed.embed_retry_initial_ms", Function.identity()),
          new Override("SEED_EMBED_RETRY_MAX_MS", "seed.embed_retry_max_ms", Function.identity()),
          new Override("PGHOST", "postgres.host", Function.identity()),
          new Override("PGPORT", "postgres.port", Function.identity()),
          new Override("PGDATABASE", "postgres.database", Function.identity()),
          new Override("PGUSER", "postgres.user", Function.identity()),
          new Override("PGPASSWORD", "postgres.password", Function.identity()),
          new Override("PGSSLMODE", "postgres.ssl_mode", Function.identity()),
          new Override("DB_POOL_SIZE", "postgres.pool_size", Function.identity()),
          new Override("HNSW_EF_SEARCH", "postgres.ef_search", Function.identity()),
          new Override("DB_MAX_WAIT_QUEUE", "postgres.max_wait_queue", Function.identity()),
          new Override(
              "DB_STATEMENT_TIMEOUT_MS", "postgres.statement_timeout_ms", Function.identity()),
          new Override(
              "DB_IDLE_IN_TRANSACTION_TIMEOUT_MS",
              "postgres.idle_in_transaction_timeout_ms",
              Function.identity()),
          new Override("REDIS_URL", "redis.url", Function.identity()),
          new Override("REDIS_KEY_PREFIX", "redis.key_prefix", Function.identity()),
          new Override(
              "RATE_LIMIT_PER_MINUTE", "generation.rate_limit_per_minute", Function.identity()));

  private EnvOverrides() {}

  /** Every environment variable the configuration reads. */
  static List<String> variables() {
    List<String> names = new java.util.ArrayList<>(List.of("APP_ENV", "DATABASE_URL"));
    OVERRIDES.forEach(o -> names.add(o.variable()));
    return names.stream().distinct().toList();
  }

  /** The mock flags of the original guide must not contradict the stores named explicitly. */
  static void checkStoreFlags(Map<String, String> environment) {
    contradiction(environment, "USE_MOCK_GRAPH_DB", "GRAPH_DB", "an in-memory graph");
    contradiction(environment, "USE_MOCK_VECTOR_DB", "VECTOR_DB", "in-memory vectors");
  }

  private static void contradiction(
      Map<String, String> environment, String flag, String store, String what) {
    String mock = environment.getOrDefault(flag, "").trim();
    String named = environment.getOrDefault(store, "").trim().toLowerCase(Locale.ROOT);
    if (parseBoolean(mock).orElse(false) && !named.isEmpty() && !named.equals("memory")) {
      throw new ConfigException(
          store
              + ": '"
              + named
              + "' contradicts "
              + flag
              + "=true ("
              + what
              + "); set "
              + flag
              + "=false or leave one of them out");
    }
  }

  /** The variable that sets {@code path}, for errors about a key nobody set. */
  static java.util.Optional<String> variableFor(String path) {
    return OVERRIDES.stream()
        .filter(o -> o.path().equals(path))
        .map(Override::variable)
        .findFirst();
  }

  /** Applies every variable of {@code environment} that is set and not blank onto {@code tree}. */
  static void apply(Map<String, String> environment, ConfigTree tree) {
    for (Override override : OVERRIDES) {
      String raw = environment.get(override.variable());
      if (raw != null && !raw.isBlank()) {
        override(tree, override, raw.trim());
      }
    }
    String databaseUrl = environment.get("DATABASE_URL");
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      DatabaseUrl.parse(databaseUrl.trim())
          .forEach((key, value) -> tree.set("postgres." + key, "DATABASE_URL", value));
    }
  }

  /**
   * {@code VECTOR_DB}: memory, postgres (pgvector) or vertex_vector_search (rows in PostgreSQL).
   */
  private static String vectorStore(String raw) {
    return vectorDb(raw).equals("memory") ? "memory" : "postgres";
  }

  private static String vectorIndex(String raw) {
    return vectorDb(raw).equals("vertex_vector_search") ? "vertex_vector_search" : "store";
  }

  private static String vectorDb(String raw) {
    String value = raw.toLowerCase(Locale.ROOT);
    return switch (value) {
      case "memory", "vertex_vector_search" -> value;
      case "postgres", "pgvector" -> "postgres";
      default ->
          throw new ConfigException(
              "VECTOR_DB: expected one of [memory, postgres, vertex_vector_search], got '"
                  + raw
                  + "'");
    };
  }

  private static String storeFromMockFlag(String raw) {
    return parseBoolean(raw).map(mock -> mock ? "memory" : "postgres").orElse(raw);
  }

  static java.util.Optional<Boolean> parseBoolean(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> java.util.Optional.of(true);
      case "false", "0", "no", "off" -> java.util.Optional.of(false);
      default -> java.util.Optional.empty();
    };
  }

  private static void override(ConfigTree tree, Override override, String raw) {
    String mapped = override.mapping().apply(raw);
    if (override.variable().startsWith("USE_MOCK_") && mapped.equals(raw)) {
      throw new ConfigException(
          override.variable() + ": expected true or false, got '" + raw + "'");
    }
    tree.set(override.path(), override.variable(), mapped);
  }
}
