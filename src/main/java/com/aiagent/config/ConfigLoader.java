package com.aiagent.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link AppConfig} from {@code conf/defaults.json} on the classpath, merged with the small
 * overlay {@code conf/<APP_ENV>.json} (the values that tell the environments apart: stores,
 * providers, Redis, health details), then applies the environment variables of {@link EnvOverrides}
 * on top (the environment always wins, and is read once: no rescans). Every value is checked (by
 * the readers of {@link ConfigTree}, and across sections here), and the first bad one stops
 * start-up with a line naming the key or variable it came from.
 */
public final class ConfigLoader extends ConfigTree {
  public static final String DEFAULT_ENV = "embedded";
  private static final Set<String> ENV_NAMES = Set.of("embedded", "local", "staging", "production");

  /** The file every environment starts from. */
  public static final String DEFAULTS_FILE = ConfigTree.DEFAULTS;

  private ConfigLoader(JsonObject defaults, JsonObject overlay, String file) {
    super(defaults, overlay, file);
  }

  /** Every environment variable the configuration reads. */
  public static List<String> variables() {
    return EnvOverrides.variables();
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
    if (EnvOverrides.parseBoolean(mockGraph).orElse(false)
        && !graphDb.isEmpty()
        && !graphDb.equals("memory")) {
      throw new ConfigException(
          "GRAPH_DB: '"
              + graphDb
              + "' contradicts USE_MOCK_GRAPH_DB=true (an in-memory graph); set"
              + " USE_MOCK_GRAPH_DB=false or leave one of them out");
    }
    String file = "conf/" + env + ".json";
    ConfigLoader loader =
        new ConfigLoader(readResource(DEFAULTS_FILE, env), readResource(file, env), file);
    EnvOverrides.apply(environment, loader);
    return loader.build(env);
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
    AppConfig.Gcs gcs =
        new AppConfig.Gcs(
            optionalText("gcs.bucket"),
            optionalUrl("gcs.base_url"),
            optionalText("gcs.access_token"),
            integer("gcs.timeout_ms", 100, 600_000));
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
            oneOf("media.store", "folder", "postgres", "gcs"),
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
            neo4j,
            gcs);
    if ("gcs".equals(media.store()) && gcs.bucket() == null) {
      throw new ConfigException(
          source("gcs.bucket")
              + ": pictures in Cloud Storage (MEDIA_STORE=gcs) need a bucket (GCS_BUCKET)");
    }
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

  /** HTTP statuses, as a JSON array or a comma-separated list (the environment's form). */
}
