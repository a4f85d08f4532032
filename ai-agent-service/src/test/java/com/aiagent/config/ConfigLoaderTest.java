package com.aiagent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  private static final List<String> ENVIRONMENTS =
      List.of("embedded", "local", "staging", "production");

  @Test
  void overlaysStateOnlyWhatTellsTheEnvironmentsApartAndEachStatesAllOfIt() throws IOException {
    Set<String> defaults = leaves(read(ConfigLoader.DEFAULTS_FILE), "");
    Set<String> first = leaves(read("conf/embedded.json"), "");
    assertThat(first).as("the embedded overlay names the distinguishing keys").isNotEmpty();
    for (String env : ENVIRONMENTS) {
      Set<String> overlay = leaves(read("conf/" + env + ".json"), "");
      assertThat(overlay).as(env + " states the same keys as embedded").isEqualTo(first);
      assertThat(overlay).as(env + " repeats no default").doesNotContainAnyElementsOf(defaults);
      Map<String, String> vars = new java.util.HashMap<>(VECTOR_SEARCH);
      vars.putAll(
          Map.of("APP_ENV", env, "GCP_PROJECT_ID", "p", "API_KEYS", "web:0123456789abcdef"));
      assertThat(ConfigLoader.load(vars).env()).isEqualTo(env);
    }
  }

  @Test
  void eachEnvironmentReadsItsOwnOverlayOverTheDefaults() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("APP_ENV", "nowhere")))
        .hasMessageStartingWith("APP_ENV:");
    assertThat(
            ConfigLoader.load(
                    Map.of(
                        "APP_ENV",
                        "staging",
                        "GCP_PROJECT_ID",
                        "p",
                        "API_KEYS",
                        "w:0123456789abcdef"))
                .http()
                .healthDetails())
        .isFalse();
    assertThat(ConfigLoader.load(Map.of("APP_ENV", "local")).http().healthDetails()).isTrue();
    assertThat(ConfigLoader.load(Map.of("APP_ENV", "local")).auth().open()).isTrue();
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("APP_ENV", "production", "GCP_PROJECT_ID", "p")))
        .as("production does not start open")
        .hasMessageStartingWith("conf/defaults.json auth.api_keys:");
  }

  private static JsonObject read(String file) throws IOException {
    return new JsonObject(Files.readString(Path.of(file)));
  }

  private static Set<String> leaves(JsonObject tree, String prefix) {
    Set<String> out = new TreeSet<>();
    tree.forEach(
        e -> {
          if (e.getValue() instanceof JsonObject child) {
            out.addAll(leaves(child, prefix + e.getKey() + "."));
          } else {
            out.add(prefix + e.getKey());
          }
        });
    return out;
  }

  @Test
  void embeddedDefaultNeedsNoEnvironment() {
    AppConfig config = ConfigLoader.load(Map.of());
    assertThat(config.env()).isEqualTo("embedded");
    assertThat(config.http().port()).isEqualTo(8000);
    assertThat(config.stores().vector()).isEqualTo(AppConfig.StoreKind.MEMORY);
    assertThat(config.embedding().dimension()).isEqualTo(768);
    assertThat(config.media().provider()).isEqualTo("local");
    assertThat(config.media().dir()).isEqualTo(Path.of("generated_media"));
    assertThat(config.feed().adEvery()).isEqualTo(4);
    assertThat(config.http().publicBaseUrl()).isNull();
  }

  @Test
  void environmentOverridesTheFileIncludingTheGuideNames() {
    AppConfig config =
        ConfigLoader.load(
            Map.of(
                "PORT", "9090",
                "MEDIA_PROVIDER", "none",
                "USE_MOCK_VECTOR_DB", "true",
                "GCP_PROJECT_ID", "my-project",
                "GCP_REGION", "asia-northeast3",
                "VERTEX_AI_MODEL", "gemini-3.5-flash-lite",
                "VERTEX_AI_EMBEDDING_MODEL", "text-multilingual-embedding-002",
                "PUBLIC_BASE_URL", "https://feed.example.com/"));
    assertThat(config.http().port()).isEqualTo(9090);
    assertThat(config.media().provider()).isEqualTo("none");
    assertThat(config.stores().vector()).isEqualTo(AppConfig.StoreKind.MEMORY);
    assertThat(config.gcp().projectId()).isEqualTo("my-project");
    assertThat(config.gcp().region()).isEqualTo("asia-northeast3");
    assertThat(config.llm().vertexModel()).isEqualTo("gemini-3.5-flash-lite");
    assertThat(config.embedding().vertexModel()).isEqualTo("text-multilingual-embedding-002");
    assertThat(config.http().publicBaseUrl()).isEqualTo("https://feed.example.com");
  }

  @Test
  void badValuesStopStartUpNamingTheKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("PORT:")
        .hasMessageContaining("'eighty'");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("PORT", "70000")))
        .hasMessageStartingWith("PORT:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MEDIA_PROVIDER", "dall-e")))
        .hasMessageStartingWith("MEDIA_PROVIDER:")
        .hasMessageContaining("local, none");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("USE_MOCK_GRAPH_DB", "maybe")))
        .hasMessageStartingWith("USE_MOCK_GRAPH_DB:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("APP_ENV", "qa")))
        .hasMessageStartingWith("APP_ENV:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("FEED_AD_EVERY", "1")))
        .hasMessageStartingWith("FEED_AD_EVERY:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("PUBLIC_BASE_URL", "feed.example.com")))
        .hasMessageStartingWith("PUBLIC_BASE_URL:");
  }

  @Test
  void messagesAreOneLine() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("PORT", "x\ny")))
        .satisfies(e -> assertThat(e.getMessage().lines().count()).isEqualTo(1));
  }

  @Test
  void storesThisBuildCannotServeAreRefusedByName() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MEDIA_PROVIDER", "vertex_imagen")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("GCP_PROJECT_ID:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("LLM_PROVIDER", "openai")))
        .hasMessageStartingWith("LLM_PROVIDER:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("USE_MOCK_GRAPH_DB", "false")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("USE_MOCK_GRAPH_DB:")
        .hasMessageContaining("USE_MOCK_VECTOR_DB=false");
  }

  @Test
  void postgresComesFromDatabaseUrlOrTheStandardVariables() {
    AppConfig fromUrl =
        ConfigLoader.load(
            Map.of(
                "USE_MOCK_VECTOR_DB", "false",
                "USE_MOCK_GRAPH_DB", "false",
                "PGHOST", "ignored.example",
                "DATABASE_URL", "postgresql://app:s%40cret@db.example:5433/feeds?sslmode=require"));
    assertThat(fromUrl.stores().vector()).isEqualTo(AppConfig.StoreKind.POSTGRES);
    assertThat(fromUrl.stores().graph()).isEqualTo(AppConfig.StoreKind.POSTGRES);
    assertThat(fromUrl.postgres())
        .extracting("host", "port", "database", "user", "password", "sslMode")
        .containsExactly("db.example", 5433, "feeds", "app", "s@cret", "require");

    AppConfig fromPgVars =
        ConfigLoader.load(
            Map.of("APP_ENV", "local", "PGHOST", "10.0.0.5", "PGPORT", "6543", "PGDATABASE", "x"));
    assertThat(fromPgVars.stores().vector()).isEqualTo(AppConfig.StoreKind.POSTGRES);
    assertThat(fromPgVars.postgres().host()).isEqualTo("10.0.0.5");
    assertThat(fromPgVars.postgres().port()).isEqualTo(6543);
    assertThat(fromPgVars.postgres().database()).isEqualTo("x");
    assertThat(fromPgVars.redis().url()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(ConfigLoader.load(Map.of()).postgres().database()).isEqualTo("ai_agent");
    assertThat(ConfigLoader.load(Map.of()).redis().enabled()).isFalse();
    AppConfig cloudSql =
        ConfigLoader.load(
            Map.of(
                "USE_MOCK_VECTOR_DB", "false",
                "USE_MOCK_GRAPH_DB", "false",
                "DATABASE_URL",
                    "postgresql://app:p%40ss@/feeds?host=/cloudsql/proj:us-central1:ai-agent-db"));
    assertThat(cloudSql.postgres())
        .extracting("host", "port", "database", "user", "password")
        .containsExactly("/cloudsql/proj:us-central1:ai-agent-db", 5432, "feeds", "app", "p@ss");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("USE_MOCK_VECTOR_DB", "false")))
        .as("a PostgreSQL catalog beside an in-memory graph")
        .hasMessageStartingWith("conf/embedded.json stores.graph:")
        .hasMessageContaining("USE_MOCK_GRAPH_DB");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("DATABASE_URL", "mysql://x/y")))
        .hasMessageStartingWith("DATABASE_URL:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("REDIS_URL", "localhost:6379")))
        .hasMessageStartingWith("REDIS_URL:");
  }

  @Test
  void generationStepsThatDoNotFitTheBudgetAreAConfigError() {
    AppConfig config = ConfigLoader.load(Map.of());
    AppConfig.Generation g = config.generation();
    assertThat(g.embedTimeoutMs() + g.writeTimeoutMs() + g.drawTimeoutMs() + g.saveTimeoutMs())
        .isLessThanOrEqualTo(g.budgetMs());
    AppConfig.Generation tooSmall =
        new AppConfig.Generation(
            g.maxPromptChars(),
            g.products(),
            g.campaigns(),
            g.rateLimitPerMinute(),
            g.aiLabel(),
            20_000,
            g.embedTimeoutMs(),
            g.writeTimeoutMs(),
            g.drawTimeoutMs(),
            g.saveTimeoutMs(),
            g.rateLimitLocalMaxKeys());
    assertThatThrownBy(
            () ->
                ConfigLoader.checkGenerationBudget(
                    "f generation.budget_ms", tooSmall, config.bus()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("f generation.budget_ms: ")
        .hasMessageContaining("28000 ms");
    AppConfig.Bus impatient =
        new AppConfig.Bus(5000, g.budgetMs(), 10_000, 15_000, 15_000, 5000, 1000);
    assertThatThrownBy(
            () -> ConfigLoader.checkGenerationBudget("f generation.budget_ms", g, impatient))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("bus.generation_timeout_ms");
  }

  @Test
  void anIdleTimeoutShorterThanTheLongestRequestIsAConfigError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("HTTP_IDLE_TIMEOUT_SECONDS", "10")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("HTTP_IDLE_TIMEOUT_SECONDS")
        .hasMessageContaining("bus.generation_timeout_ms");
  }

  @Test
  void graphDbPicksNeo4jBesideThePostgresCatalog() {
    AppConfig byName =
        ConfigLoader.load(
            Map.of(
                "USE_MOCK_VECTOR_DB", "false",
                "GRAPH_DB", "neo4j",
                "NEO4J_URI", "neo4j+s://abc123.databases.neo4j.io",
                "NEO4J_USER", "graph",
                "NEO4J_PASSWORD", "secret",
                "NEO4J_TIMEOUT_MS", "250",
                "NEO4J_CACHE_TTL_MS", "30000"));
    assertThat(byName.stores().graph()).isEqualTo(AppConfig.StoreKind.NEO4J);
    assertThat(byName.usesNeo4j()).isTrue();
    assertThat(byName.usesPostgres()).isTrue();
    assertThat(byName.neo4j().uri()).isEqualTo("neo4j+s://abc123.databases.neo4j.io");
    assertThat(byName.neo4j().user()).isEqualTo("graph");
    assertThat(byName.neo4j().password()).isEqualTo("secret");
    assertThat(byName.neo4j().timeoutMs()).isEqualTo(250);
    assertThat(byName.neo4j().cacheTtlMs()).isEqualTo(30000);
    AppConfig withGuideFlag =
        ConfigLoader.load(
            Map.of(
                "USE_MOCK_VECTOR_DB", "false", "USE_MOCK_GRAPH_DB", "false", "GRAPH_DB", "neo4j"));
    assertThat(withGuideFlag.stores().graph()).isEqualTo(AppConfig.StoreKind.NEO4J);
    assertThat(withGuideFlag.neo4j().password()).as("empty: no auth").isNull();
    assertThat(ConfigLoader.load(Map.of("APP_ENV", "local")).stores().graph())
        .isEqualTo(AppConfig.StoreKind.POSTGRES);
  }

  @Test
  void stagingAndProductionKeepTheGraphInNeo4jAndProductionCachesItInRedis() {
    for (String env : new String[] {"staging", "production"}) {
      assertThat(ConfigLoader.load(cloud(env)).stores().graph())
          .as(env)
          .isEqualTo(AppConfig.StoreKind.NEO4J);
    }
    assertThat(ConfigLoader.load(cloud("production")).neo4j().cacheTtlMs()).isPositive();
  }

  /** The Vector Search variables production needs, as Cloud Build passes them. */
  private static final Map<String, String> VECTOR_SEARCH =
      Map.of(
          "VERTEX_VECTOR_SEARCH_INDEX", "1234",
          "VERTEX_VECTOR_SEARCH_INDEX_ENDPOINT", "5678",
          "VERTEX_VECTOR_SEARCH_DEPLOYED_INDEX_ID", "ai_agent_items",
          "VERTEX_VECTOR_SEARCH_ENDPOINT_DOMAIN", "1111.us-central1-42.vdb.vertexai.goog");

  private static Map<String, String> cloud(String env) {
    Map<String, String> vars = new java.util.HashMap<>(VECTOR_SEARCH);
    vars.putAll(Map.of("APP_ENV", env, "GCP_PROJECT_ID", "p", "AUTH_MODE", "open"));
    return vars;
  }

  @Test
  void productionSearchesVectorsInVectorSearchAndStagingInPgvector() {
    AppConfig production = ConfigLoader.load(cloud("production"));
    assertThat(production.stores().vector()).isEqualTo(AppConfig.StoreKind.POSTGRES);
    assertThat(production.usesVectorSearch()).isTrue();
    AppConfig.VectorSearch search = production.vectorSearch();
    assertThat(search.index()).isEqualTo("projects/p/locations/us-central1/indexes/1234");
    assertThat(search.indexEndpoint())
        .isEqualTo("projects/p/locations/us-central1/indexEndpoints/5678");
    assertThat(search.deployedIndexId()).isEqualTo("ai_agent_items");
    assertThat(search.adminBaseUrl()).isEqualTo("https://us-central1-aiplatform.googleapis.com");
    assertThat(search.queryBaseUrl()).isEqualTo("https://1111.us-central1-42.vdb.vertexai.goog");
    assertThat(ConfigLoader.load(cloud("staging")).usesVectorSearch()).isFalse();
  }

  @Test
  void vectorSearchResourcesTakeFullNamesOrIdsAndAMissingOneIsNamedByItsVariable() {
    Map<String, String> vars = cloud("production");
    vars.put("VERTEX_VECTOR_SEARCH_INDEX", "projects/other/locations/europe-west4/indexes/9");
    vars.put("VERTEX_VECTOR_SEARCH_ENDPOINT_DOMAIN", "http://127.0.0.1:8099/");
    vars.put("VERTEX_AI_BASE_URL", "http://127.0.0.1:8099");
    AppConfig config = ConfigLoader.load(vars);
    assertThat(config.vectorSearch().index())
        .isEqualTo("projects/other/locations/europe-west4/indexes/9");
    assertThat(config.vectorSearch().queryBaseUrl()).isEqualTo("http://127.0.0.1:8099");
    assertThat(config.vectorSearch().adminBaseUrl()).isEqualTo("http://127.0.0.1:8099");
    vars.remove("VERTEX_AI_BASE_URL");
    assertThat(ConfigLoader.load(vars).vectorSearch().adminBaseUrl())
        .as("the index's own region, not GCP_REGION's")
        .isEqualTo("https://europe-west4-aiplatform.googleapis.com");

    Map<String, String> missing = cloud("production");
    missing.remove("VERTEX_VECTOR_SEARCH_DEPLOYED_INDEX_ID");
    assertThatThrownBy(() -> ConfigLoader.load(missing))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("VERTEX_VECTOR_SEARCH_DEPLOYED_INDEX_ID")
        .hasMessageContaining("VECTOR_DB=vertex_vector_search");
    Map<String, String> badDomain = cloud("production");
    badDomain.put("VERTEX_VECTOR_SEARCH_ENDPOINT_DOMAIN", "not a host/");
    assertThatThrownBy(() -> ConfigLoader.load(badDomain))
        .hasMessageStartingWith("VERTEX_VECTOR_SEARCH_ENDPOINT_DOMAIN");
    Map<String, String> badName = cloud("production");
    badName.put("VERTEX_VECTOR_SEARCH_INDEX_ENDPOINT", "projects/p/indexEndpoints/5");
    assertThatThrownBy(() -> ConfigLoader.load(badName))
        .hasMessageStartingWith("VERTEX_VECTOR_SEARCH_INDEX_ENDPOINT");
  }

  @Test
  void aClusteredMemberNamesItsMembersAndMayRunOnlySomeModules() {
    AppConfig.Cluster alone = ConfigLoader.load(Map.of()).cluster();
    assertThat(alone.enabled()).isFalse();
    assertThat(alone.modules()).containsExactlyElementsOf(AppConfig.Cluster.MODULES);
    Map<String, String> shared =
        Map.of(
            "APP_ENV", "local",
            "MEDIA_STORE", "postgres",
            "CLUSTER", "true",
            "CLUSTER_MEMBERS", "10.0.0.5:5701, ai-agent-hz.default.svc",
            "CLUSTER_HOST", "10.0.0.7",
            "MODULES", "media");
    AppConfig.Cluster media = ConfigLoader.load(shared).cluster();
    assertThat(media.members()).containsExactly("10.0.0.5:5701", "ai-agent-hz.default.svc");
    assertThat(media.host()).isEqualTo("10.0.0.7");
    assertThat(media.runs("media")).isTrue();
    assertThat(media.runs("http")).isFalse();
    assertThat(media.joinWaitSeconds()).isEqualTo(5);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("CLUSTER", "true", "MODULES", "media")))
        .as("members on in-memory stores would each keep their own data")
        .hasMessageStartingWith("MODULES")
        .hasMessageContaining("PostgreSQL");
    Map<String, String> folder = new java.util.HashMap<>(shared);
    folder.put("MEDIA_STORE", "folder");
    assertThatThrownBy(() -> ConfigLoader.load(folder)).hasMessageContaining("local folder");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MODULES", "media")))
        .hasMessageStartingWith("MODULES")
        .hasMessageContaining("CLUSTER=true");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("CLUSTER", "true", "MODULES", "media,gpu")))
        .hasMessageStartingWith("MODULES");
    assertThatThrownBy(
            () -> ConfigLoader.load(Map.of("CLUSTER", "true", "CLUSTER_MEMBERS", "a b:1")))
        .hasMessageStartingWith("CLUSTER_MEMBERS");
  }

  @Test
  void vectorDbNamesTheStoreAndWhatSearchesIt() {
    assertThat(ConfigLoader.load(Map.of("VECTOR_DB", "memory")).stores().vector())
        .isEqualTo(AppConfig.StoreKind.MEMORY);
    AppConfig pgvector =
        ConfigLoader.load(Map.of("VECTOR_DB", "pgvector", "USE_MOCK_GRAPH_DB", "false"));
    assertThat(pgvector.stores().vector()).isEqualTo(AppConfig.StoreKind.POSTGRES);
    assertThat(pgvector.usesVectorSearch()).isFalse();
    Map<String, String> local = new java.util.HashMap<>(VECTOR_SEARCH);
    local.putAll(
        Map.of("APP_ENV", "local", "VECTOR_DB", "vertex_vector_search", "GCP_PROJECT_ID", "p"));
    assertThat(ConfigLoader.load(local).usesVectorSearch()).isTrue();
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("VECTOR_DB", "faiss")))
        .hasMessageStartingWith(
            "VECTOR_DB: expected one of [memory, postgres, vertex_vector_search]");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of("USE_MOCK_VECTOR_DB", "true", "VECTOR_DB", "vertex_vector_search")))
        .hasMessageStartingWith("VECTOR_DB:")
        .hasMessageContaining("USE_MOCK_VECTOR_DB=true");
    Map<String, String> noProject = new java.util.HashMap<>(VECTOR_SEARCH);
    noProject.putAll(Map.of("APP_ENV", "local", "VECTOR_DB", "vertex_vector_search"));
    assertThatThrownBy(() -> ConfigLoader.load(noProject)).hasMessageStartingWith("GCP_PROJECT_ID");
  }

  @Test
  void aNeo4jGraphThatCannotWorkStopsStartUp() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("GRAPH_DB", "neo4j")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("GRAPH_DB:")
        .hasMessageContaining("USE_MOCK_VECTOR_DB=false");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "USE_MOCK_VECTOR_DB",
                        "false",
                        "USE_MOCK_GRAPH_DB",
                        "true",
                        "GRAPH_DB",
                        "neo4j")))
        .hasMessageStartingWith("GRAPH_DB:")
        .hasMessageContaining("USE_MOCK_GRAPH_DB=true");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Map.of(
                        "USE_MOCK_VECTOR_DB",
                        "false",
                        "GRAPH_DB",
                        "neo4j",
                        "NEO4J_URI",
                        "http://localhost:7474")))
        .hasMessageStartingWith("NEO4J_URI:");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("GRAPH_DB", "dgraph")))
        .hasMessageStartingWith("GRAPH_DB:")
        .hasMessageContaining("neo4j");
  }

  @Test
  void cloudStorageForPicturesNeedsABucket() {
    AppConfig config =
        ConfigLoader.load(
            Map.of(
                "MEDIA_STORE", "gcs",
                "GCS_BUCKET", "my-media",
                "GCS_BASE_URL", "http://127.0.0.1:4443/",
                "GCS_TIMEOUT_MS", "2500"));
    assertThat(config.media().store()).isEqualTo("gcs");
    assertThat(config.gcs().bucket()).isEqualTo("my-media");
    assertThat(config.gcs().baseUrl()).isEqualTo("http://127.0.0.1:4443");
    assertThat(config.gcs().accessToken()).as("unset: Application Default Credentials").isNull();
    assertThat(config.gcs().timeoutMs()).isEqualTo(2500);
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MEDIA_STORE", "gcs")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("GCS_BUCKET")
        .hasMessageContaining("need a bucket");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("MEDIA_STORE", "s3")))
        .hasMessageStartingWith("MEDIA_STORE:")
        .hasMessageContaining("gcs");
  }
}
