package com.aiagent.config;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Builds {@link AppConfig} from {@code conf/defaults.json} on the classpath, merged with the small
 * overlay {@code conf/<APP_ENV>.json} (both read through vertx-config, {@link ConfigSources}) (the
 * values that tell the environments apart: stores, providers, Redis, health details), then applies
 * the environment variables of {@link EnvOverrides} on top (the environment always wins, and is
 * read once: no rescans). Every value is checked (by the readers of {@link ConfigTree}, and across
 * sections here), and the first bad one stops start-up with a line naming the key or variable it
 * came from.
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

  /** Loads the configuration the process environment selects, through vertx-config. */
  public static Future<AppConfig> load(Vertx vertx) {
    return ConfigSources.environment(vertx, variables())
        .compose(environment -> load(vertx, environment));
  }

  /** Loads the configuration {@code environment} selects (the process's, or a test's). */
  public static Future<AppConfig> load(Vertx vertx, Map<String, String> environment) {
    String env;
    try {
      env = environment(environment);
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    String file = "conf/" + env + ".json";
    Future<JsonObject> defaults = ConfigSources.file(vertx, DEFAULTS_FILE, env);
    Future<JsonObject> overlay = ConfigSources.file(vertx, file, env);
    return Future.all(defaults, overlay)
        .map(
            read -> {
              ConfigLoader loader = new ConfigLoader(defaults.result(), overlay.result(), file);
              EnvOverrides.apply(environment, loader);
              return loader.build(env);
            });
  }

  /**
   * The process environment's configuration, for {@code Main}: read on a short-lived Vert.x, since
   * the service's own is built from it (metrics on or off).
   */
  public static AppConfig loadFromProcess() {
    return onOwnVertx(ConfigLoader::load);
  }

  /** As {@link #load(Vertx, Map)}, for callers without a Vert.x (tests and tools). */
  public static AppConfig load(Map<String, String> environment) {
    return onOwnVertx(vertx -> load(vertx, environment));
  }

  private static AppConfig onOwnVertx(Function<Vertx, Future<AppConfig>> load) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
    try {
      return load.apply(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new ConfigException("configuration could not be read: " + e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new ConfigException("configuration could not be read: " + e);
    } finally {
      vertx.close();
    }
  }

  /** The environment's name ({@code APP_ENV}), once the variables are known not to contradict. */
  private static String environment(Map<String, String> environment) {
    String env = environment.getOrDefault("APP_ENV", "").trim().toLowerCase(Locale.ROOT);
    if (env.isEmpty()) {
      env = DEFAULT_ENV;
    }
    if (!ENV_NAMES.contains(env)) {
      throw new ConfigException(
          "APP_ENV: expected one of " + ENV_NAMES + ", got '" + environment.get("APP_ENV") + "'");
    }
    EnvOverrides.checkStoreFlags(environment);
    return env;
  }

  private AppConfig build(String env) {
    ServingSettings serving = new ServingSettings(this);
    AppConfig.Http http = serving.http();
    AppConfig.Bus bus = serving.bus();
    StoreSettings storeSettings = new StoreSettings(this);
    AppConfig.Stores stores = storeSettings.stores();
    AppConfig.Neo4j neo4j = storeSettings.neo4j();
    AppConfig.Gcs gcs = storeSettings.gcs();
    ProviderSettings providerSettings = new ProviderSettings(this);
    AppConfig.Embedding embedding = providerSettings.embedding();
    AppConfig.Llm llm = providerSettings.llm();
    AppConfig.Media media = providerSettings.media();
    AppConfig.Gcp gcp = providerSettings.gcp();
    FeedSettings feedSettings = new FeedSettings(this);
    AppConfig.Feed feed = feedSettings.feed();
    AppConfig.Ads ads = feedSettings.ads();
    AppConfig.Events events = feedSettings.events();
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
    AppConfig.Postgres postgres = storeSettings.postgres();
    AppConfig.Redis redis = storeSettings.redis();
    AppConfig.Vertex vertex = providerSettings.vertex();
    AppConfig config =
        new AppConfig(
            env,
            http,
            auth(generation.rateLimitPerMinute()),
            serving.metrics(),
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
            storeSettings.vectorSearch(stores, gcp, vertex),
            gcs,
            serving.cluster());
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
    if (config.cluster().modules().size() < AppConfig.Cluster.MODULES.size()
        && (!config.usesPostgres() || "folder".equals(media.store()))) {
      throw new ConfigException(
          source("cluster.modules")
              + ": members that share the modules must share the stores too: PostgreSQL"
              + " (USE_MOCK_VECTOR_DB=false) and pictures in postgres or gcs (MEDIA_STORE), not"
              + " in memory or a local folder");
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
