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
      assertThat(
              ConfigLoader.load(
                      Map.of(
                          "APP_ENV",
                          env,
                          "GCP_PROJECT_ID",
                          "p",
                          "API_KEYS",
                          "web:0123456789abcdef"))
                  .env())
          .isEqualTo(env);
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
    Map<String, String> project = Map.of("GCP_PROJECT_ID", "p", "AUTH_MODE", "open");
    for (String env : new String[] {"staging", "production"}) {
      Map<String, String> vars = new java.util.HashMap<>(project);
      vars.put("APP_ENV", env);
      assertThat(ConfigLoader.load(vars).stores().graph())
          .as(env)
          .isEqualTo(AppConfig.StoreKind.NEO4J);
    }
    assertThat(
            ConfigLoader.load(
                    Map.of("APP_ENV", "production", "GCP_PROJECT_ID", "p", "AUTH_MODE", "open"))
                .neo4j()
                .cacheTtlMs())
        .isPositive();
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
