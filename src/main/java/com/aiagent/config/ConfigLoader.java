package com.aiagent.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds {@link AppConfig} from {@code conf/defaults.json} on the classpath, merged with the small
 * overlay {@code conf/<APP_ENV>.json} (the values that tell the environments apart: stores,
 * providers, Redis, health details), then applies the environment variables of {@link #OVERRIDES}
 * on top (the environment always wins, and is read once: no rescans). Every value is checked here,
 * and the first bad one stops start-up with a line naming the key or variable it came from.
 */
public final class ConfigLoader {
  public static final String DEFAULT_ENV = "embedded";
  private static final Set<String> ENV_NAMES = Set.of("embedded", "local", "staging", "production");

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
          new Override("METRICS_ENABLED", "metrics.enabled", Function.identity()),
          new Override("METRICS_PATH", "metrics.path", Function.identity()),
          new Override("AUTH_MODE", "auth.mode", Function.identity()),
          new Override("API_KEYS", "auth.api_keys", Function.identity()),
          new Override("AUTH_IAM_CALLERS", "auth.iam_callers", Function.identity()),
          new Override("AUTH_OPEN_READS", "auth.open_reads", Function.identity()),
          new Override("USE_MOCK_VECTOR_DB", "stores.vector", ConfigLoader::storeFromMockFlag),
          new Override("USE_MOCK_GRAPH_DB", "stores.graph", ConfigLoader::storeFromMockFlag),
          // After USE_MOCK_GRAPH_DB: GRAPH_DB=neo4j picks Neo4j where that flag said "not mock".
          new Override("GRAPH_DB", "stores.graph", Function.identity()),
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

  /** The file every environment starts from. */
  public static final String DEFAULTS_FILE = "conf/defaults.json";

  private final JsonObject json;
  private final JsonObject overlay;
  private final Map<String, String> sources = new HashMap<>();
  private final String file;

  private ConfigLoader(JsonObject defaults, JsonObject overlay, String file) {
    this.json = defaults.copy().mergeIn(overlay, true);
    this.overlay = overlay;
    this.file = file;
  }

  /** Every environment variable the configuration reads. */
  public static List<String> variables() {
    List<String> names = new java.util.ArrayList<>(List.of("APP_ENV", "DATABASE_URL"));
    OVERRIDES.forEach(o -> names.add(o.variable()));
    return names;
  }

  /** Loads the configuration the process environment selects. */
  public static AppConfig load(Map<String, String> environment) {
    String env = environment.getOrDefault("APP_ENV", "").trim().toLowerCase(Locale.ROOT);
    if (env.isEmpty()) {
      env = DEFAULT_ENV;
    }
    if (!ENV_NAMES.contains(env)) {
      throw new ConfigException(
          "APP_ENV: expected one of " + ENV_NAMES + ", got '" + environment.get("APP_ENV") + "'");
    }
    String mockGraph = environment.getOrDefault("USE_MOCK_GRAPH_DB", "").trim();
    String graphDb = environment.getOrDefault("GRAPH_DB", "").trim().toLowerCase(Locale.ROOT);
    if (parseBoolean(mockGraph).orElse(false) && !graphDb.isEmpty() && !graphDb.equals("memory")) {
      throw new ConfigException(
          "GRAPH_DB: '"
              + graphDb
              + "' contradicts USE_MOCK_GRAPH_DB=true (an in-memory graph); set"
              + " USE_MOCK_GRAPH_DB=false or leave one of them out");
    }
    String file = "conf/" + env + ".json";
    ConfigLoader loader =
        new ConfigLoader(readResource(DEFAULTS_FILE, env), readResource(file, env), file);
    for (Override override : OVERRIDES) {
      String raw = environment.get(override.variable());
      if (raw != null && !raw.isBlank()) {
        loader.override(override, raw.trim());
      }
    }
    String databaseUrl = environment.get("DATABASE_URL");
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      loader.databaseUrl(databaseUrl.trim());
    }
    return loader.build(env);
  }

  /** {@code postgresql://user:password@host:port/database?sslmode=...}, as libpq writes it. */
  private void databaseUrl(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new ConfigException("DATABASE_URL: not a URL");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new ConfigException(
          "DATABASE_URL: expected postgresql://user:password@host:port/database");
    }
    Map<String, String> parts = new HashMap<>();
    // Parsed by hand: java.net.URI drops the user info of "user:pass@/db" (no host), the form
    // libpq and Cloud SQL use with ?host=/cloudsql/...
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String[] user = authority.substring(0, at).split(":", 2);
      parts.put("user", decode(user[0]));
      if (user.length == 2) {
        parts.put("password", decode(user[1]));
      }
    }
    String hostPort = authority.substring(at + 1);
    if (!hostPort.isEmpty()) {
      int colon = hostPort.lastIndexOf(':');
      boolean hasPort = colon > hostPort.lastIndexOf(']');
      parts.put("host", hasPort ? hostPort.substring(0, colon) : hostPort);
      if (hasPort) {
        parts.put("port", hostPort.substring(colon + 1));
      }
    }
    if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
      parts.put("database", decode(uri.getRawPath().substring(1)));
    }
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        if (pair.startsWith("sslmode=")) {
          parts.put("ssl_mode", pair.substring("sslmode=".length()));
        } else if (pair.startsWith("host=")) {
          // libpq's form for a Unix socket directory, e.g. host=/cloudsql/PROJECT:REGION:INSTANCE
          parts.put("host", decode(pair.substring("host=".length())));
        }
      }
    }
    parts.forEach(
        (key, value) ->
            override(new Override("DATABASE_URL", "postgres." + key, Function.identity()), value));
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }

  private static JsonObject readResource(String file, String env) {
    try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new ConfigException(
            "APP_ENV="
                + env
                + ": no "
                + file
                + " in this build; available: embedded, local, staging, production");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | DecodeException e) {
      throw new ConfigException(file + ": not valid JSON (" + e.getMessage() + ")");
    }
  }

  private static String storeFromMockFlag(String raw) {
    return parseBoolean(raw).map(mock -> mock ? "memory" : "postgres").orElse(raw);
  }

  private static java.util.Optional<Boolean> parseBoolean(String raw) {
    return switch (raw.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> java.util.Optional.of(true);
      case "false", "0", "no", "off" -> java.util.Optional.of(false);
      default -> java.util.Optional.empty();
    };
  }

  private void override(Override override, String raw) {
    String[] parts = override.path().split("\\.");
    JsonObject node = json;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    String mapped = override.mapping().apply(raw);
    if (override.variable().startsWith("USE_MOCK_") && mapped.equals(raw)) {
      throw new ConfigException(
          override.variable() + ": expected true or false, got '" + raw + "'");
    }
    node.put(parts[parts.length - 1], mapped);
    sources.put(override.path(), override.variable());
  }

  private AppConfig build(String env) {
    AppConfig.Http http =
        new AppConfig.Http(
            text("http.host"),
            integer("http.port", 1, 65535),
            integer("http.instances", 0, 64),
            integer("http.max_body_bytes", 1024, 16 * 1024 * 1024),
            optionalUrl("http.public_base_url"),
            integer("http.shutdown_grace_ms", 0, 60_000),
            integer("http.drain_answer_ms", 0, 60_000),
            integer("http.shutdown_limit_ms", 100, 600_000),
            bool("http.health_details"),
            integer("http.idle_timeout_seconds", 1, 3600),
            integer("http.max_initial_line_bytes", 256, 65_536),
            integer("http.max_header_bytes", 1024, 65_536),
            hosts("http.allowed_hosts"),
            origins("http.cors_origins"),
            integer("http.max_connections", 0, 1_000_000),
            integer("http.header_timeout_ms", 0, 600_000));
    if (http.drainAnswerMs() >= http.shutdownGraceMs()
        || http.shutdownGraceMs() >= http.shutdownLimitMs()) {
      throw new ConfigException(
          source("http.drain_answer_ms")
              + ": in-flight requests are answered at drain_answer_ms ("
              + http.drainAnswerMs()
              + "), which must come before the grace period ends (shutdown_grace_ms "
              + http.shutdownGraceMs()
              + "), which must end before the process gives up (shutdown_limit_ms "
              + http.shutdownLimitMs()
              + ")");
    }
    AppConfig.Bus bus =
        new AppConfig.Bus(
            integer("bus.feed_timeout_ms", 1, 600_000),
            integer("bus.generation_timeout_ms", 1, 600_000),
            integer("bus.embedding_timeout_ms", 1, 600_000),
            integer("bus.llm_timeout_ms", 1, 600_000),
            integer("bus.media_timeout_ms", 1, 600_000),
            integer("bus.events_timeout_ms", 1, 600_000),
            integer("bus.health_timeout_ms", 1, 60_000));
    AppConfig.Stores stores =
        new AppConfig.Stores(storeKind("stores.vector"), storeKind("stores.graph"));
    if (stores.vector() == AppConfig.StoreKind.NEO4J) {
      throw invalid("stores.vector", "one of [memory, postgres]");
    }
    if (stores.graph() == AppConfig.StoreKind.NEO4J
        && stores.vector() != AppConfig.StoreKind.POSTGRES) {
      throw new ConfigException(
          source("stores.graph")
              + ": a Neo4j graph needs the PostgreSQL catalog beside it (the feed joins the"
              + " graph's signals with the vectors there); set "
              + source("stores.vector")
              + " to PostgreSQL (USE_MOCK_VECTOR_DB=false)");
    }
    AppConfig.Neo4j neo4j =
        new AppConfig.Neo4j(
            neo4jUri("neo4j.uri"),
            text("neo4j.user"),
            optionalText("neo4j.password"),
            text("neo4j.database"),
            integer("neo4j.timeout_ms", 10, 60_000),
            integer("neo4j.write_timeout_ms", 10, 600_000),
            integer("neo4j.pool_size", 1, 1000),
            integer("neo4j.follows_checked", 0, 100_000),
            integer("neo4j.cache_ttl_ms", 0, 86_400_000));
    if (stores.graph() == AppConfig.StoreKind.MEMORY
        && stores.vector() == AppConfig.StoreKind.POSTGRES) {
      throw new ConfigException(
          source("stores.graph")
              + ": an in-memory graph beside the PostgreSQL catalog is not supported (the feed"
              + " reads the graph and the vectors in one statement); set USE_MOCK_VECTOR_DB and"
              + " USE_MOCK_GRAPH_DB alike");
    }
    if (stores.graph() == AppConfig.StoreKind.POSTGRES
        && stores.vector() == AppConfig.StoreKind.MEMORY) {
      throw new ConfigException(
          source("stores.graph")
              + ": a PostgreSQL graph needs the PostgreSQL catalog too; set "
              + source("stores.vector")
              + " to PostgreSQL (USE_MOCK_VECTOR_DB=false)");
    }
    AppConfig.Embedding embedding =
        new AppConfig.Embedding(
            oneOf("embedding.provider", "local", "vertex"),
            oneOf("embedding.local_model", "local-concept-v1", "local-hashing-v1"),
            text("embedding.vertex_model"),
            integer("embedding.dimension", 8, 4096),
            integer("embedding.batch_size", 1, 250));
    AppConfig.Llm llm =
        new AppConfig.Llm(
            oneOf("llm.provider", "local", "vertex"),
            text("llm.vertex_model"),
            decimal("llm.temperature", 0, 2));
    AppConfig.Media media =
        new AppConfig.Media(
            oneOf("media.provider", "local", "none", "vertex_imagen"),
            text("media.vertex_model"),
            oneOf("media.store", "folder", "postgres"),
            Path.of(text("media.dir")),
            integer("media.width", 64, 4096),
            integer("media.height", 64, 4096),
            (float) decimal("media.webp_quality", 0, 100),
            integer("media.cache_max_age_seconds", 0, 31_536_000),
            integer("media.worker_pool_size", 1, 64));
    AppConfig.Gcp gcp =
        new AppConfig.Gcp(
            optionalText("gcp.project_id"),
            text("gcp.region"),
            optionalText("gcp.credentials_file"));
    int maxLimit = integer("feed.max_limit", 1, 1000);
    AppConfig.Feed feed =
        new AppConfig.Feed(
            integer("feed.default_limit", 1, maxLimit),
            maxLimit,
            integer("feed.ad_every", 2, 1000),
            integer("feed.content_pool", 1, 10_000),
            integer("feed.ad_pool", 0, 1_000),
            integer("feed.ef_search", 1, 1000),
            integer("feed.pool_size", 1, 200),
            integer("feed.instances", 1, 64),
            integer("feed.cache_ttl_ms", 0, 3_600_000),
            integer("feed.cache_max_users", 1, 10_000_000),
            integer("feed.cache_max_kb", 1, 64 * 1024 * 1024),
            integer("feed.cursor_ttl_ms", 1000, Integer.MAX_VALUE),
            new AppConfig.Weights(
                decimal("feed.weights.similarity", 0, 100),
                decimal("feed.weights.followed_author", 0, 100),
                decimal("feed.weights.similar_users", 0, 100),
                decimal("feed.weights.liked_similar", 0, 100),
                decimal("feed.weights.freshness", 0, 100),
                decimal("feed.weights.seen", 0, 100),
                decimal("feed.weights.bid", 0, 100)),
            decimal("feed.freshness_half_life_hours", 0.001, 1_000_000),
            decimal("feed.interest_threshold", -1, 1),
            decimal("feed.liked_similar_threshold", -1, 1),
            integer("feed.seen_saturation", 1, 1_000),
            new AppConfig.Signals(
                integer("feed.signals.recent_likes", 0, 1_000),
                integer("feed.signals.likers_per_like", 0, 1_000),
                integer("feed.signals.followed_peers", 0, 10_000),
                integer("feed.signals.peer_likes", 0, 1_000)),
            new AppConfig.Candidates(
                bool("feed.candidates.enabled"),
                integer("feed.candidates.max_age_ms", 0, Integer.MAX_VALUE),
                integer("feed.candidates.refresh_after_ms", 0, Integer.MAX_VALUE),
                integer("feed.candidates.warm_interval_ms", 10, 3_600_000),
                integer("feed.candidates.warm_batch", 0, 100_000),
                integer("feed.candidates.active_users", 0, 10_000_000)),
            new AppConfig.Texts(
                integer("feed.texts.cache_max_kb", 0, 64 * 1024 * 1024),
                integer("feed.texts.cache_ttl_ms", 1000, Integer.MAX_VALUE)),
            new AppConfig.AiPosts(
                integer("feed.ai_posts.per_page", 0, 100),
                integer("feed.ai_posts.max_age_hours", 1, 24 * 365),
                integer("feed.ai_posts.max_authors", 1, 100_000)));
    AppConfig.Ads ads =
        new AppConfig.Ads(
            integer("ads.frequency_cap_per_day", 0, 1_000_000),
            decimal("ads.default_daily_budget", 0, 1e12),
            zone("ads.time_zone"),
            text("ads.label"));
    AppConfig.Events events =
        new AppConfig.Events(
            integer("events.max_batch", 1, 10_000),
            integer("events.max_body_bytes", 1024, 64 * 1024 * 1024),
            integer("events.max_future_ms", 0, Integer.MAX_VALUE),
            integer("events.max_age_ms", 1000, Integer.MAX_VALUE),
            decimal("events.taste_weights.click", 0, 10),
            decimal("events.taste_weights.like", 0, 10),
            decimal("events.taste_weights.purchase", 0, 10));
    AppConfig.Generation generation =
        new AppConfig.Generation(
            integer("generation.max_prompt_chars", 1, 100_000),
            integer("generation.products", 1, 50),
            integer("generation.campaigns", 0, 50),
            integer("generation.rate_limit_per_minute", 0, 1_000_000),
            text("generation.ai_label"),
            integer("generation.budget_ms", 100, 600_000),
            integer("generation.embed_timeout_ms", 1, 600_000),
            integer("generation.write_timeout_ms", 1, 600_000),
            integer("generation.draw_timeout_ms", 1, 600_000),
            integer("generation.save_timeout_ms", 1, 600_000),
            integer("generation.rate_limit_local_max_keys", 1, 10_000_000));
    checkGenerationBudget(source("generation.budget_ms"), generation, bus);
    if (http.idleTimeoutSeconds() * 1000L <= bus.generationTimeoutMs()) {
      throw new ConfigException(
          source("http.idle_timeout_seconds")
              + ": must be longer than bus.generation_timeout_ms ("
              + bus.generationTimeoutMs()
              + " ms), or a slow request's connection closes before its answer; got "
              + http.idleTimeoutSeconds()
              + " s");
    }
    AppConfig.Seed seed =
        new AppConfig.Seed(
            bool("seed.enabled"),
            integer("seed.min_campaigns", 0, 1_000_000),
            integer("seed.advisory_lock_key", 1, Integer.MAX_VALUE),
            integer("seed.lock_timeout_ms", 0, 3_600_000),
            integer("seed.lock_retry_ms", 10, 60_000),
            integer("seed.embed_attempts", 1, 100),
            integer("seed.embed_retry_initial_ms", 1, 600_000),
            integer("seed.embed_retry_max_ms", 1, 600_000));
    AppConfig.Retention retention =
        new AppConfig.Retention(
            integer("retention.max_generated", 0, 100_000_000),
            integer("retention.max_age_hours", 0, 1_000_000),
            integer("retention.trim_interval_ms", 1000, 86_400_000),
            integer("retention.trim_batch", 1, 100_000));
    AppConfig.Search search =
        new AppConfig.Search(
            oneOf("search.mode", "hybrid", "vector", "lexical"),
            integer("search.rrf_k", 1, 1000),
            integer("search.candidates", 1, 1000),
            decimal("search.vector_weight", 0, 100),
            decimal("search.lexical_weight", 0, 100),
            integer("search.refresh_interval_ms", 1000, 86_400_000),
            decimal("search.min_similarity", -1, 1),
            decimal("search.min_similarity_vertex", -1, 1));
    AppConfig.Postgres postgres =
        new AppConfig.Postgres(
            text("postgres.host"),
            integer("postgres.port", 1, 65535),
            text("postgres.database"),
            text("postgres.user"),
            optionalText("postgres.password"),
            // One connection holds the seed lock while others migrate and seed.
            integer("postgres.pool_size", 2, 200),
            integer("postgres.ef_search", 1, 1000),
            oneOf(
                "postgres.ssl_mode",
                "disable",
                "allow",
                "prefer",
                "require",
                "verify-ca",
                "verify-full"),
            integer("postgres.max_wait_queue", 1, 1_000_000),
            integer("postgres.statement_timeout_ms", 0, 3_600_000),
            integer("postgres.idle_in_transaction_timeout_ms", 0, 3_600_000));
    AppConfig.Redis redis =
        new AppConfig.Redis(
            optionalRedisUrl("redis.url"),
            text("redis.key_prefix"),
            integer("redis.embedding_ttl_ms", 1000, Integer.MAX_VALUE),
            integer("redis.probe_interval_ms", 100, 600_000),
            integer("redis.command_timeout_ms", 10, 60_000));
    AppConfig.Vertex vertex =
        new AppConfig.Vertex(
            optionalUrl("vertex.base_url"),
            optionalText("vertex.access_token"),
            integer("vertex.embedding_timeout_ms", 100, 600_000),
            integer("vertex.llm_timeout_ms", 100, 600_000),
            integer("vertex.image_timeout_ms", 100, 600_000),
            integer("vertex.retry_attempts", 1, 10),
            statuses("vertex.retry_statuses"),
            integer("vertex.retry_initial_delay_ms", 1, 60_000),
            integer("vertex.retry_max_delay_ms", 1, 600_000),
            integer("vertex.max_connections", 1, 1000),
            integer("vertex.worker_pool_size", 1, 256),
            integer("vertex.breaker_max_failures", 1, 1000),
            integer("vertex.breaker_reset_ms", 100, 3_600_000),
            integer("vertex.breaker_window_ms", 1000, 3_600_000));
    AppConfig config =
        new AppConfig(
            env,
            http,
            auth(generation.rateLimitPerMinute()),
            new AppConfig.Metrics(bool("metrics.enabled"), metricsPath()),
            bus,
            stores,
            embedding,
            llm,
            media,
            gcp,
            feed,
            ads,
            events,
            generation,
            seed,
            retention,
            search,
            postgres,
            redis,
            vertex,
            neo4j);
    if ("postgres".equals(media.store()) && stores.vector() != AppConfig.StoreKind.POSTGRES) {
      throw new ConfigException(
          source("media.store")
              + ": pictures in PostgreSQL need the PostgreSQL stores (USE_MOCK_VECTOR_DB=false)");
    }
    if (config.usesVertex() && gcp.projectId() == null) {
      throw new ConfigException(
          "GCP_PROJECT_ID: required when a provider is Vertex AI (gcp.project_id is empty)");
    }
    return config;
  }

  /** The steps' parts must fit the request's budget, and the budget the caller's wait. */
  static void checkGenerationBudget(
      String where, AppConfig.Generation generation, AppConfig.Bus bus) {
    long parts =
        generation.embedTimeoutMs()
            + generation.writeTimeoutMs()
            + generation.drawTimeoutMs()
            + generation.saveTimeoutMs();
    if (parts > generation.budgetMs()) {
      throw new ConfigException(
          where
              + ": the generation steps' parts (embed "
              + generation.embedTimeoutMs()
              + " + write "
              + generation.writeTimeoutMs()
              + " + draw "
              + generation.drawTimeoutMs()
              + " + save "
              + generation.saveTimeoutMs()
              + " = "
              + parts
              + " ms) do not fit the budget of "
              + generation.budgetMs()
              + " ms");
    }
    if (generation.budgetMs() >= bus.generationTimeoutMs()) {
      throw new ConfigException(
          where
              + ": must be less than bus.generation_timeout_ms ("
              + bus.generationTimeoutMs()
              + " ms), so a request ends before its caller stops waiting; got "
              + generation.budgetMs());
    }
  }

  private String metricsPath() {
    String path = text("metrics.path");
    if (!path.matches("/[a-z0-9_/-]{1,64}") || path.startsWith("/v1/") || path.equals("/health")) {
      throw new ConfigException(
          source("metrics.path")
              + ": a path such as /metrics, outside /v1/ and /health; got "
              + path);
    }
    return path;
  }

  private AppConfig.Auth auth(int defaultPerMinute) {
    String mode = oneOf("auth.mode", "open", "api_keys", "iam");
    List<Caller> callers =
        switch (mode) {
          case "api_keys" ->
              Caller.parseApiKeys(
                  optionalText("auth.api_keys"), source("auth.api_keys"), defaultPerMinute);
          case "iam" ->
              Caller.parseIamPrincipals(
                  optionalText("auth.iam_callers"), source("auth.iam_callers"), defaultPerMinute);
          default -> List.of();
        };
    if (!"open".equals(mode) && callers.isEmpty()) {
      String list = "api_keys".equals(mode) ? "auth.api_keys" : "auth.iam_callers";
      throw new ConfigException(
          source(list)
              + ": "
              + source("auth.mode")
              + "="
              + mode
              + " needs at least one caller (or set AUTH_MODE=open)");
    }
    return new AppConfig.Auth(mode, callers, bool("auth.open_reads"));
  }

  private String source(String path) {
    String variable = sources.get(path);
    if (variable != null) {
      return variable;
    }
    return (contains(overlay, path) ? file : DEFAULTS_FILE) + " " + path;
  }

  private static boolean contains(JsonObject tree, String path) {
    Object node = tree;
    for (String part : path.split("\\.")) {
      if (!(node instanceof JsonObject object) || !object.containsKey(part)) {
        return false;
      }
      node = object.getValue(part);
    }
    return true;
  }

  private Object value(String path) {
    String[] parts = path.split("\\.");
    Object node = json;
    for (String part : parts) {
      if (!(node instanceof JsonObject object) || !object.containsKey(part)) {
        throw new ConfigException(source(path) + ": missing");
      }
      node = object.getValue(part);
    }
    return node;
  }

  private ConfigException invalid(String path, String expected) {
    return new ConfigException(
        source(path)
            + ": expected "
            + expected
            + ", got '"
            + String.valueOf(value(path)).replaceAll("\\p{Cntrl}", "?")
            + "'");
  }

  private int integer(String path, int min, int max) {
    Object raw = value(path);
    long parsed;
    if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      parsed = number.longValue();
    } else if (raw instanceof String s && s.matches("-?\\d{1,10}")) {
      parsed = Long.parseLong(s);
    } else {
      throw invalid(path, "a whole number from " + min + " to " + max);
    }
    if (parsed < min || parsed > max) {
      throw invalid(path, "a whole number from " + min + " to " + max);
    }
    return (int) parsed;
  }

  private double decimal(String path, double min, double max) {
    Object raw = value(path);
    double parsed;
    try {
      parsed =
          raw instanceof Number number ? number.doubleValue() : Double.parseDouble((String) raw);
    } catch (RuntimeException e) {
      throw invalid(path, "a number from " + min + " to " + max);
    }
    if (!(parsed >= min && parsed <= max)) {
      throw invalid(path, "a number from " + min + " to " + max);
    }
    return parsed;
  }

  private boolean bool(String path) {
    Object raw = value(path);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s) {
      return parseBoolean(s).orElseThrow(() -> invalid(path, "true or false"));
    }
    throw invalid(path, "true or false");
  }

  private String text(String path) {
    Object raw = value(path);
    if (!(raw instanceof String s) || s.isBlank()) {
      throw invalid(path, "a non-empty string");
    }
    return s;
  }

  private String optionalText(String path) {
    Object raw = valueOrNull(path);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      throw invalid(path, "a string");
    }
    return s.isBlank() ? null : s;
  }

  private Object valueOrNull(String path) {
    String[] parts = path.split("\\.");
    Object node = json;
    for (String part : parts) {
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      node = object.getValue(part);
    }
    return node;
  }

  private String optionalUrl(String path) {
    String url = optionalText(path);
    if (url == null) {
      return null;
    }
    if (!url.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
      throw invalid(path, "an absolute http(s) URL");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** HTTP statuses, as a JSON array or a comma-separated list (the environment's form). */
  /** Comma-separated origins such as {@code https://ads.example.com}; empty: CORS off. */
  private List<String> origins(String path) {
    String raw = optionalText(path);
    if (raw == null) {
      return List.of();
    }
    List<String> origins = new java.util.ArrayList<>();
    for (String part : raw.split(",")) {
      String origin = part.strip();
      if (!origin.matches("https?://[A-Za-z0-9.-]{1,253}(:\\d{1,5})?")) {
        throw new ConfigException(
            source(path) + ": '" + origin + "' is not an origin such as https://ads.example.com");
      }
      origins.add(origin);
    }
    return List.copyOf(origins);
  }

  /** Comma-separated hosts: {@code name}, {@code name:port} or {@code .suffix}; empty: none. */
  private List<String> hosts(String path) {
    String raw = optionalText(path);
    if (raw == null) {
      return List.of();
    }
    List<String> hosts = new java.util.ArrayList<>();
    for (String part : raw.split(",")) {
      String host = part.strip().toLowerCase(Locale.ROOT);
      if (!host.matches("\\.?[a-z0-9.-]{1,253}(:\\d{1,5})?")) {
        throw new ConfigException(
            source(path) + ": '" + part.strip() + "' is not a host, host:port or .suffix");
      }
      hosts.add(host);
    }
    return List.copyOf(hosts);
  }

  private List<Integer> statuses(String path) {
    Object raw = value(path);
    List<?> items =
        raw instanceof io.vertx.core.json.JsonArray array
            ? array.getList()
            : raw instanceof String s ? List.of(s.split(",", -1)) : null;
    if (items == null || items.isEmpty()) {
      throw invalid(path, "a list of HTTP statuses such as 429,503");
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (Object item : items) {
      String text = String.valueOf(item).strip();
      if (!text.matches("[1-5]\\d\\d")) {
        throw invalid(path, "a list of HTTP statuses such as 429,503");
      }
      statuses.add(Integer.parseInt(text));
    }
    return List.copyOf(statuses);
  }

  private String oneOf(String path, String... allowed) {
    String raw = text(path).toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(raw)) {
        return raw;
      }
    }
    throw invalid(path, "one of " + String.join(", ", allowed) + " (available in this build)");
  }

  private String optionalRedisUrl(String path) {
    String url = optionalText(path);
    if (url != null && !url.matches("rediss?://\\S+")) {
      throw invalid(path, "a redis:// URL");
    }
    return url;
  }

  private java.time.ZoneId zone(String path) {
    try {
      return java.time.ZoneId.of(text(path));
    } catch (java.time.DateTimeException e) {
      throw invalid(path, "a time zone such as Asia/Seoul or UTC");
    }
  }

  private String neo4jUri(String path) {
    String uri = text(path);
    if (!uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://[^/\\s]+/?")) {
      throw invalid(path, "a bolt:// or neo4j:// URI (optionally +s or +ssc), host and port");
    }
    return uri;
  }

  private AppConfig.StoreKind storeKind(String path) {
    String raw = oneOf(path, "memory", "postgres", "neo4j");
    return AppConfig.StoreKind.valueOf(raw.toUpperCase(Locale.ROOT));
  }
}
