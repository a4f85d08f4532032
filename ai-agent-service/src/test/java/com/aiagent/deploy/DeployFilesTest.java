package com.aiagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.ConfigLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The deployment files agree with each other, with the service and with both guides: names, ports,
 * volumes and substitutions that a reader of docs/DEPLOY.ko.md types must exist as written.
 */
class DeployFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> GUIDES = List.of("docs/DEPLOY.md", "docs/DEPLOY.ko.md");
  private static final List<String> SUBSTITUTIONS =
      List.of(
          "_REGION",
          "_ENVIRONMENT",
          "_SERVICE",
          "_MEMORY",
          "_CPU",
          "_MIN_INSTANCES",
          "_MAX_INSTANCES",
          "_CLOUDSQL_INSTANCE",
          "_DB_POOL_SIZE",
          "_DB_SECRET",
          "_REDIS_SECRET",
          "_VPC_CONNECTOR",
          "_API_KEYS_SECRET",
          "_INVOKERS",
          "_NEO4J_URI",
          "_NEO4J_USER",
          "_NEO4J_SECRET",
          "_CHANNEL_TAG");

  private static JsonNode yaml(String file) throws IOException {
    return YAML.readTree(Path.of(file).toFile());
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }

  private static String guides() throws IOException {
    StringBuilder all = new StringBuilder();
    for (String guide : GUIDES) {
      all.append(Files.readString(Path.of(guide)));
    }
    return all.toString();
  }

  @Test
  void composeDrawsTheGuidesStack() throws IOException {
    JsonNode services = yaml("docker-compose.yml").get("services");
    assertThat(services.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("ai-agent", "postgres", "redis", "pgadmin", "neo4j");

    JsonNode app = services.get("ai-agent");
    assertThat(app.get("build").asText()).isEqualTo(".");
    assertThat(strings(app.get("ports"))).containsExactly("8000:8000");
    assertThat(app.get("env_file").asText()).isEqualTo(".env");
    assertThat(app.get("environment").get("APP_ENV").asText()).isEqualTo("local");
    assertThat(app.get("depends_on").get("postgres").get("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(app.get("depends_on").get("redis").get("condition").asText())
        .isEqualTo("service_healthy");
    assertThat(strings(app.get("volumes")))
        .contains(
            "./ai-agent-service/src:/app/src",
            "./ai-agent-service/src/test:/app/tests",
            "./scripts:/app/scripts",
            "./generated_media:/app/generated_media");

    JsonNode postgres = services.get("postgres");
    assertThat(postgres.get("image").asText()).isEqualTo("pgvector/pgvector:pg16");
    assertThat(postgres.get("container_name").asText()).isEqualTo("ai-agent-postgres");
    assertThat(strings(postgres.get("ports"))).containsExactly("5433:5432");
    assertThat(postgres.get("environment").get("POSTGRES_DB").asText()).isEqualTo("ai_agent");
    assertThat(postgres.get("environment").get("POSTGRES_USER").asText()).isEqualTo("postgres");
    assertThat(postgres.get("environment").get("POSTGRES_PASSWORD").asText()).isEqualTo("postgres");
    assertThat(strings(postgres.get("volumes")))
        .contains(
            "postgres_data:/var/lib/postgresql/data",
            "./docker/postgres/pg_hba.conf:/etc/postgresql/pg_hba.conf:ro");
    assertThat(Path.of("docker/postgres/pg_hba.conf")).exists();
    assertThat(postgres.has("healthcheck")).isTrue();

    JsonNode redis = services.get("redis");
    assertThat(strings(redis.get("ports"))).containsExactly("6379:6379");
    assertThat(strings(redis.get("volumes"))).containsExactly("redis_data:/data");
    assertThat(strings(redis.get("command"))).contains("--appendonly", "yes");

    JsonNode pgadmin = services.get("pgadmin");
    assertThat(strings(pgadmin.get("profiles"))).containsExactly("tools");
    assertThat(strings(pgadmin.get("ports"))).containsExactly("5050:80");
    assertThat(pgadmin.get("environment").get("PGADMIN_DEFAULT_EMAIL").asText())
        .isEqualTo("admin@example.com");
    assertThat(pgadmin.get("environment").get("PGADMIN_DEFAULT_PASSWORD").asText())
        .isEqualTo("admin");

    JsonNode neo4j = services.get("neo4j");
    assertThat(neo4j.get("image").asText()).isEqualTo("neo4j:5");
    assertThat(strings(neo4j.get("profiles"))).containsExactly("neo4j");
    assertThat(strings(neo4j.get("ports"))).containsExactlyInAnyOrder("7474:7474", "7687:7687");
    assertThat(strings(neo4j.get("volumes"))).containsExactly("neo4j_data:/data");
    assertThat(neo4j.has("healthcheck")).isTrue();
    assertThat(app.get("depends_on").has("neo4j"))
        .as("Neo4j is optional: the service must start without its profile")
        .isFalse();

    JsonNode compose = yaml("docker-compose.yml");
    assertThat(compose.get("networks").has("ai-agent-network")).isTrue();
    assertThat(compose.get("volumes").fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("postgres_data", "redis_data", "neo4j_data");
  }

  @Test
  void cloudBuildBuildsPushesAndDeploysWithTheGuidesSubstitutions() throws IOException {
    for (String file : List.of("cloudbuild.yaml", "cloudbuild-staging.yaml")) {
      JsonNode build = yaml(file);
      assertThat(build.get("substitutions").fieldNames())
          .toIterable()
          .as(file)
          .containsAll(SUBSTITUTIONS);
      assertThat(build.get("timeout").asText()).isEqualTo("2400s");
      assertThat(build.get("options").get("machineType").asText()).isEqualTo("E2_HIGHCPU_8");
      assertThat(strings(build.get("images")))
          .containsExactly(
              "${_REGION}-docker.pkg.dev/$PROJECT_ID/ai-agent/ai-agent-api:$SHORT_SHA",
              "${_REGION}-docker.pkg.dev/$PROJECT_ID/ai-agent/ai-agent-api:${_CHANNEL_TAG}");
      List<String> ids = new ArrayList<>();
      build.get("steps").forEach(step -> ids.add(step.get("id").asText()));
      assertThat(ids).containsExactly("test", "build", "push", "deploy");
      JsonNode deploy = build.get("steps").get(3);
      List<String> args = strings(deploy.get("args"));
      assertThat(args.subList(0, 3)).containsExactly("run", "deploy", "${_SERVICE}");
      assertThat(args)
          .contains(
              "--port=8000",
              "--memory=${_MEMORY}",
              "--cpu=${_CPU}",
              "--min-instances=${_MIN_INSTANCES}",
              "--max-instances=${_MAX_INSTANCES}",
              "--service-account=vertex-ai-agent@$PROJECT_ID.iam.gserviceaccount.com",
              "--add-cloudsql-instances=$PROJECT_ID:${_REGION}:${_CLOUDSQL_INSTANCE}",
              "--update-secrets=DATABASE_URL=${_DB_SECRET}:latest,REDIS_URL=${_REDIS_SECRET}:latest,"
                  + "API_KEYS=${_API_KEYS_SECRET}:latest,NEO4J_PASSWORD=${_NEO4J_SECRET}:latest",
              "--${_INVOKERS}");
      assertThat(build.get("substitutions").get("_INVOKERS").asText())
          .as("the service checks API keys itself, so Cloud Run lets callers reach it")
          .isEqualTo("allow-unauthenticated");
      assertThat(args)
          .anySatisfy(
              a -> assertThat(a).contains(",NEO4J_URI=${_NEO4J_URI},NEO4J_USER=${_NEO4J_USER},"));
      assertThat(args)
          .anySatisfy(
              a ->
                  assertThat(a)
                      .startsWith("--update-env-vars=APP_ENV=${_ENVIRONMENT},")
                      .endsWith(",REDIS_KEY_PREFIX=ai-agent-${_ENVIRONMENT}:"));
      assertThat(args)
          .as("no empty or mis-parsed argument")
          .allSatisfy(a -> assertThat(a).startsWith(a.startsWith("--") ? "--" : "").isNotBlank());
      assertThat(args)
          .anySatisfy(a -> assertThat(a).startsWith("--startup-probe=httpGet.path=/health"));
    }
    assertThat(yaml("cloudbuild.yaml").get("substitutions").get("_SERVICE").asText())
        .isEqualTo("ai-agent-api");
    assertThat(yaml("cloudbuild.yaml").get("substitutions").get("_MAX_INSTANCES").asText())
        .isEqualTo("10");
    assertThat(yaml("cloudbuild-staging.yaml").get("substitutions").get("_SERVICE").asText())
        .isEqualTo("ai-agent-api-staging");
    assertThat(yaml("cloudbuild-staging.yaml").get("substitutions").get("_ENVIRONMENT").asText())
        .isEqualTo("staging");
    assertThat(
            Path.of(
                "conf/"
                    + yaml("cloudbuild.yaml").get("substitutions").get("_ENVIRONMENT").asText()
                    + ".json"))
        .exists();
    assertThat(Path.of("conf/staging.json")).exists();
    assertThat(yaml("cloudbuild.yaml").get("substitutions").get("_CHANNEL_TAG").asText())
        .isEqualTo("latest");
    assertThat(yaml("cloudbuild-staging.yaml").get("substitutions").get("_CHANNEL_TAG").asText())
        .as("staging never moves production's :latest")
        .isEqualTo("staging");
  }

  @Test
  void theDockerfileBuildsANonRootImageThatHonoursPort() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    assertThat(dockerfile)
        .contains(
            "FROM maven:3.9-eclipse-temurin-17 AS build",
            "dependency:go-offline",
            "EXPOSE 8000",
            "USER app");
    assertThat(dockerfile).containsPattern("FROM eclipse-temurin:17-jre");
    assertThat(dockerfile).containsPattern("HEALTHCHECK[^\\n]*\\n[^\\n]*/health");
    assertThat(dockerfile)
        .contains(
            "ENV PORT=8000",
            "-XX:MaxRAMPercentage=75",
            "ENTRYPOINT [\"java\", \"-jar\", \"/app/ai-agent.jar\"]");
    assertThat(Files.readString(Path.of(".dockerignore"))).contains("target", ".git", ".env");
  }

  @Test
  void envExampleNamesEveryVariableTheServiceReads() throws IOException {
    String example = Files.readString(Path.of(".env.example"));
    List<String> variables = new ArrayList<>(ConfigLoader.variables());
    variables.addAll(List.of("LOG_LEVEL", "LOG_FORMAT"));
    for (String variable : variables) {
      assertThat(example).as(variable).containsPattern("(?m)^" + variable + "=");
      assertThat(example)
          .as("a comment above " + variable)
          .containsPattern("(?m)^# .*\\n" + variable + "=");
    }
  }

  @Test
  void bothGuidesNameWhatTheFilesDefine() throws IOException {
    String guides = guides();
    for (String guide : GUIDES) {
      String text = Files.readString(Path.of(guide));
      assertThat(text)
          .as(guide)
          .contains(
              "docker-compose up",
              "5433",
              "8000",
              "6379",
              "5050",
              "admin@example.com",
              "ai-agent-postgres",
              "postgres_data",
              "redis_data",
              "ai-agent-network",
              "cloudbuild.yaml",
              "cloudbuild-staging.yaml",
              "ai-agent-api",
              "ai-agent-api-staging",
              "scripts/dev.sh",
              "scripts/seed.sh",
              "scripts/generate_embeddings.sh",
              "scripts/migration_001.sql",
              "atttypmod",
              "vector(768)",
              "--no-traffic",
              "update-traffic",
              "vertex-ai-agent@",
              ".env.example",
              "DB_POOL_SIZE",
              "max_connections");
      for (String substitution : SUBSTITUTIONS) {
        assertThat(text).as(guide + " names " + substitution).contains(substitution);
      }
    }
    for (String variable : ConfigLoader.variables()) {
      assertThat(guides).as("the environment tables name " + variable).contains(variable);
    }
    for (String script :
        List.of(
            "test.sh",
            "test-services.sh",
            "dev.sh",
            "seed.sh",
            "generate_embeddings.sh",
            "loadtest.sh",
            "fake-vertex.sh")) {
      assertThat(Path.of("scripts", script)).exists();
    }
  }
}
