package com.aiagent.config;

import java.util.Locale;

/**
 * The store sections of the configuration: which stores hold what (and the mixes refused), where
 * Neo4j, PostgreSQL and Redis are, and Vertex AI Vector Search's resources.
 */
final class StoreSettings {
  private final ConfigTree tree;

  StoreSettings(ConfigTree tree) {
    this.tree = tree;
  }

  AppConfig.Stores stores() {
    AppConfig.Stores stores =
        new AppConfig.Stores(
            tree.storeKind("stores.vector"),
            tree.storeKind("stores.graph"),
            AppConfig.VectorIndex.valueOf(
                tree.oneOf("stores.vector_index", "store", "vertex_vector_search")
                    .toUpperCase(Locale.ROOT)));
    if (stores.vectorIndex() == AppConfig.VectorIndex.VERTEX_VECTOR_SEARCH
        && stores.vector() != AppConfig.StoreKind.POSTGRES) {
      throw new ConfigException(
          tree.source("stores.vector_index")
              + ": Vertex AI Vector Search holds only vectors; the rows and the vectors it is fed"
              + " from live in PostgreSQL, so "
              + tree.source("stores.vector")
              + " must be postgres (USE_MOCK_VECTOR_DB=false)");
    }
    if (stores.vector() == AppConfig.StoreKind.NEO4J) {
      throw tree.invalid("stores.vector", "one of [memory, postgres]");
    }
    if (stores.graph() == AppConfig.StoreKind.NEO4J
        && stores.vector() != AppConfig.StoreKind.POSTGRES) {
      throw new ConfigException(
          tree.source("stores.graph")
              + ": a Neo4j graph needs the PostgreSQL catalog beside it (the feed joins the"
              + " graph's signals with the vectors there); set "
              + tree.source("stores.vector")
              + " to PostgreSQL (USE_MOCK_VECTOR_DB=false)");
    }
    if (stores.graph() == AppConfig.StoreKind.MEMORY
        && stores.vector() == AppConfig.StoreKind.POSTGRES) {
      throw new ConfigException(
          tree.source("stores.graph")
              + ": an in-memory graph beside the PostgreSQL catalog is not supported (the feed"
              + " reads the graph and the vectors in one statement); set USE_MOCK_VECTOR_DB and"
              + " USE_MOCK_GRAPH_DB alike");
    }
    if (stores.graph() == AppConfig.StoreKind.POSTGRES
        && stores.vector() == AppConfig.StoreKind.MEMORY) {
      throw new ConfigException(
          tree.source("stores.graph")
              + ": a PostgreSQL graph needs the PostgreSQL catalog too; set "
              + tree.source("stores.vector")
              + " to PostgreSQL (USE_MOCK_VECTOR_DB=false)");
    }
    return stores;
  }

  AppConfig.Neo4j neo4j() {
    return new AppConfig.Neo4j(
        tree.neo4jUri("neo4j.uri"),
        tree.text("neo4j.user"),
        tree.optionalText("neo4j.password"),
        tree.text("neo4j.database"),
        tree.integer("neo4j.timeout_ms", 10, 60_000),
        tree.integer("neo4j.write_timeout_ms", 10, 600_000),
        tree.integer("neo4j.pool_size", 1, 1000),
        tree.integer("neo4j.follows_checked", 0, 100_000),
        tree.integer("neo4j.cache_ttl_ms", 0, 86_400_000));
  }

  /** Cloud Storage for pictures; the bucket is required only when {@code media.store} is gcs. */
  AppConfig.Gcs gcs() {
    return new AppConfig.Gcs(
        tree.optionalText("gcs.bucket"),
        tree.optionalUrl("gcs.base_url"),
        tree.optionalText("gcs.access_token"),
        tree.integer("gcs.timeout_ms", 100, 600_000));
  }

  AppConfig.Postgres postgres() {
    return new AppConfig.Postgres(
        tree.text("postgres.host"),
        tree.integer("postgres.port", 1, 65535),
        tree.text("postgres.database"),
        tree.text("postgres.user"),
        tree.optionalText("postgres.password"),
        // One connection holds the seed lock while others migrate and seed.
        tree.integer("postgres.pool_size", 2, 200),
        tree.integer("postgres.ef_search", 1, 1000),
        tree.oneOf(
            "postgres.ssl_mode",
            "disable",
            "allow",
            "prefer",
            "require",
            "verify-ca",
            "verify-full"),
        tree.integer("postgres.max_wait_queue", 1, 1_000_000),
        tree.integer("postgres.statement_timeout_ms", 0, 3_600_000),
        tree.integer("postgres.idle_in_transaction_timeout_ms", 0, 3_600_000));
  }

  AppConfig.Redis redis() {
    return new AppConfig.Redis(
        tree.optionalRedisUrl("redis.url"),
        tree.text("redis.key_prefix"),
        tree.integer("redis.embedding_ttl_ms", 1000, Integer.MAX_VALUE),
        tree.integer("redis.probe_interval_ms", 100, 600_000),
        tree.integer("redis.command_timeout_ms", 10, 60_000));
  }

  /**
   * Vector Search's resources, each a full resource name or an id under the project and region;
   * required only when it is the vector index. Upserts go to Vertex AI's regional endpoint (or
   * {@code VERTEX_AI_BASE_URL}), queries to the index endpoint's own domain (a host, or a whole
   * base URL such as a local fake's).
   */
  AppConfig.VectorSearch vectorSearch(
      AppConfig.Stores stores, AppConfig.Gcp gcp, AppConfig.Vertex vertex) {
    long timeoutMs = tree.integer("vector_search.timeout_ms", 10, 60_000);
    long upsertTimeoutMs = tree.integer("vector_search.upsert_timeout_ms", 100, 600_000);
    int batch = tree.integer("vector_search.upsert_batch_size", 1, 1000);
    int connections = tree.integer("vector_search.max_connections", 1, 1000);
    if (stores.vectorIndex() != AppConfig.VectorIndex.VERTEX_VECTOR_SEARCH) {
      return new AppConfig.VectorSearch(
          null, null, null, null, null, timeoutMs, upsertTimeoutMs, batch, connections);
    }
    String index = resource("vector_search.index", "indexes", gcp);
    String endpoint = resource("vector_search.index_endpoint", "indexEndpoints", gcp);
    String deployed =
        resourceId("vector_search.deployed_index_id", required("vector_search.deployed_index_id"));
    String domain = required("vector_search.endpoint_domain");
    String queryBaseUrl =
        domain.contains("://") ? baseUrl("vector_search.endpoint_domain", domain) : host(domain);
    return new AppConfig.VectorSearch(
        index,
        endpoint,
        deployed,
        vertex.baseUrl() != null
            ? vertex.baseUrl()
            // The index's own region: a full resource name may name another than GCP_REGION.
            : "https://" + index.split("/")[3] + "-aiplatform.googleapis.com",
        queryBaseUrl,
        timeoutMs,
        upsertTimeoutMs,
        batch,
        connections);
  }

  private String required(String path) {
    String value = tree.optionalText(path);
    if (value == null) {
      throw new ConfigException(
          EnvOverrides.variableFor(path).map(v -> v + " (" + path + ")").orElse(tree.source(path))
              + ": required when the vector index is Vertex AI Vector Search"
              + " (VECTOR_DB=vertex_vector_search, as in production)");
    }
    return value;
  }

  private String resource(String path, String collection, AppConfig.Gcp gcp) {
    String value = required(path);
    if (value.startsWith("projects/")) {
      if (!value.matches("projects/[^/\s]+/locations/[^/\s]+/" + collection + "/[^/\s]+")) {
        throw tree.invalid(
            path, "projects/PROJECT/locations/REGION/" + collection + "/ID, or the ID");
      }
      return value;
    }
    if (gcp.projectId() == null) {
      throw new ConfigException(
          "GCP_PROJECT_ID: required to name " + tree.source(path) + " by its id alone");
    }
    return "projects/"
        + gcp.projectId()
        + "/locations/"
        + gcp.region()
        + "/"
        + collection
        + "/"
        + resourceId(path, value);
  }

  private String resourceId(String path, String value) {
    if (!value.matches("[A-Za-z0-9_-]{1,128}")) {
      throw tree.invalid(path, "an id of letters, digits, '_' or '-'");
    }
    return value;
  }

  private String baseUrl(String path, String value) {
    if (!value.matches("https?://[^\s/]+/?")) {
      throw tree.invalid(
          path, "a host such as 123.us-central1-456.vdb.vertexai.goog, or http(s)://host:port");
    }
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }

  private String host(String value) {
    if (!value.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
      throw tree.invalid(
          "vector_search.endpoint_domain",
          "a host such as 123.us-central1-456.vdb.vertexai.goog, or http(s)://host:port");
    }
    return "https://" + value;
  }
}
