package com.aiagent.store;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test-only fake of Vertex AI Vector Search's REST surface, as {@code
 * shared/notes/vertex-vector-search.md} gives it: {@code :upsertDatapoints} and {@code
 * :removeDatapoints} on {@code /v1/projects/P/locations/L/indexes/I}, {@code :findNeighbors} on
 * {@code /v1/projects/P/locations/L/indexEndpoints/E} with the deployed index's id, bearer tokens,
 * restricts (namespaces AND, an allow list's values OR), numeric restricts with their six operators
 * and {@code valueInt} as a JSON string, and the JSON error envelope. Neighbours are exact (every
 * datapoint's dot product with the query, best first: {@code DOT_PRODUCT_DISTANCE}).
 *
 * <p>It runs on the JDK's HTTP server with threads of its own, so it shares nothing with the Vert.x
 * client under test. {@link #failNext} and {@link #stallNext} make the next calls fail or hang.
 */
public final class FakeVectorSearchServer implements AutoCloseable {
  public static final String PROJECT = "test-project";
  public static final String REGION = "us-central1";
  public static final String INDEX = "4455";
  public static final String ENDPOINT = "6677";
  public static final String DEPLOYED_INDEX = "ai_agent_items";
  public static final String TOKEN = "fake-vector-search-token";

  private static final Pattern PATH =
      Pattern.compile(
          "/v1/projects/([^/]+)/locations/([^/]+)/(indexes|indexEndpoints)/([^/:]+):(\\w+)");
  private static final Pattern INDEX_PATH =
      Pattern.compile("/v1/projects/([^/]+)/locations/([^/]+)/indexes/([^/:]+)");
  private static final Set<String> OPS =
      Set.of("LESS", "LESS_EQUAL", "EQUAL", "GREATER_EQUAL", "GREATER", "NOT_EQUAL");

  private record Datapoint(
      String id, float[] vector, Map<String, List<String>> restricts, Map<String, Long> numbers) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final int dimension;
  private final Map<String, Datapoint> datapoints = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile int failureStatus;
  private final AtomicInteger stalls = new AtomicInteger();
  private final AtomicInteger errors = new AtomicInteger();
  private volatile int describedDimensions;
  private volatile String distance = "DOT_PRODUCT_DISTANCE";
  private volatile String updateMethod = "STREAM_UPDATE";

  public FakeVectorSearchServer(int dimension) throws IOException {
    this.dimension = dimension;
    this.describedDimensions = dimension;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL of both the index's and the endpoint's calls. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The variables that point the service at this fake (the rows still need PostgreSQL). */
  public Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("VECTOR_DB", "vertex_vector_search");
    env.put("GCP_PROJECT_ID", PROJECT);
    env.put("GCP_REGION", REGION);
    env.put("VERTEX_AI_BASE_URL", baseUrl());
    env.put("VERTEX_AI_ACCESS_TOKEN", TOKEN);
    env.put("VERTEX_VECTOR_SEARCH_INDEX", INDEX);
    env.put("VERTEX_VECTOR_SEARCH_INDEX_ENDPOINT", ENDPOINT);
    env.put("VERTEX_VECTOR_SEARCH_DEPLOYED_INDEX_ID", DEPLOYED_INDEX);
    env.put("VERTEX_VECTOR_SEARCH_ENDPOINT_DOMAIN", baseUrl());
    return env;
  }

  /** What {@code GET} on the index says it is built for (by default, what this fake holds). */
  public void describeAs(int dimensions, String distanceMeasureType, String indexUpdateMethod) {
    this.describedDimensions = dimensions;
    this.distance = distanceMeasureType;
    this.updateMethod = indexUpdateMethod;
  }

  /** The next {@code times} calls answer {@code status} with Google's error envelope. */
  public void failNext(int times, int status) {
    failureStatus = status;
    failures.set(times);
  }

  /** The next {@code times} calls never answer (until the fake closes). */
  public void stallNext(int times) {
    stalls.set(times);
  }

  /** How many calls of {@code method} ({@code findNeighbors}, {@code upsertDatapoints}) came. */
  public int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  /** How many calls it answered with an error status (injected ones included). */
  public int errors() {
    return errors.get();
  }

  /** How many datapoints the index holds. */
  public int size() {
    return datapoints.size();
  }

  /** The restricts of one datapoint as stored, namespace to allowed values; null when absent. */
  public Map<String, List<String>> restrictsOf(String datapointId) {
    Datapoint point = datapoints.get(datapointId);
    return point == null ? null : point.restricts();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    try {
      threads.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      Matcher index = INDEX_PATH.matcher(exchange.getRequestURI().getPath());
      if (index.matches() && "GET".equals(exchange.getRequestMethod())) {
        describe(exchange, index);
        return;
      }
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
        answerError(exchange, 404, "NOT_FOUND", "no such method: " + exchange.getRequestURI());
        return;
      }
      String method = path.group(5);
      calls.computeIfAbsent(method, m -> new AtomicInteger()).incrementAndGet();
      if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        answerError(exchange, failureStatus, statusName(failureStatus), "injected failure");
        return;
      }
      if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answerError(exchange, 401, "UNAUTHENTICATED", "missing or wrong bearer token");
        return;
      }
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      if (type == null || !type.startsWith("application/json")) {
        answerError(exchange, 400, "INVALID_ARGUMENT", "expected application/json");
        return;
      }
      boolean onIndex = path.group(3).equals("indexes");
      String resource = path.group(4);
      if (!path.group(1).equals(PROJECT)
          || !path.group(2).equals(REGION)
          || !resource.equals(onIndex ? INDEX : ENDPOINT)) {
        answerError(exchange, 404, "NOT_FOUND", "no such resource: " + path.group());
        return;
      }
      JsonObject request;
      try {
        request = new JsonObject(new String(body, StandardCharsets.UTF_8));
      } catch (DecodeException e) {
        answerError(exchange, 400, "INVALID_ARGUMENT", "body is not JSON");
        return;
      }
      try {
        JsonObject answer =
            switch (onIndex + ":" + method) {
              case "true:upsertDatapoints" -> upsert(request);
              case "true:removeDatapoints" -> remove(request);
              case "false:findNeighbors" -> findNeighbors(request);
              default -> throw new NoSuchMethod(method);
            };
        answer(exchange, 200, answer);
      } catch (NoSuchMethod e) {
        answerError(exchange, 404, "NOT_FOUND", "no method " + e.getMessage());
      } catch (RuntimeException e) {
        answerError(exchange, 400, "INVALID_ARGUMENT", String.valueOf(e.getMessage()));
      }
    }
  }

  /** {@code GET} on the index: the Index resource with its metadata, as the v1 REST API has it. */
  private void describe(HttpExchange exchange, Matcher index) throws IOException {
    calls.computeIfAbsent("getIndex", m -> new AtomicInteger()).incrementAndGet();
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answerError(exchange, failureStatus, statusName(failureStatus), "injected failure");
      return;
    }
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      answerError(exchange, 401, "UNAUTHENTICATED", "missing or wrong bearer token");
      return;
    }
    if (!index.group(1).equals(PROJECT)
        || !index.group(2).equals(REGION)
        || !index.group(3).equals(INDEX)) {
      answerError(exchange, 404, "NOT_FOUND", "no such index: " + index.group());
      return;
    }
    answer(
        exchange,
        200,
        new JsonObject()
            .put("name", index.group().substring("/v1/".length()))
            .put("displayName", "ai-agent-items")
            .put(
                "metadataSchemaUri",
                "gs://google-cloud-aiplatform/schema/matchingengine/metadata/nearest_neighbor_search_1.0.0.yaml")
            .put(
                "metadata",
                new JsonObject()
                    .put(
                        "config",
                        new JsonObject()
                            .put("dimensions", describedDimensions)
                            .put("approximateNeighborsCount", 150)
                            .put("distanceMeasureType", distance)
                            .put(
                                "algorithmConfig",
                                new JsonObject().put("treeAhConfig", new JsonObject()))))
            .put("indexUpdateMethod", updateMethod));
  }

  private static final class NoSuchMethod extends RuntimeException {
    NoSuchMethod(String method) {
      super(method);
    }
  }

  private JsonObject upsert(JsonObject request) {
    List<Datapoint> parsed = new ArrayList<>();
    for (Object item : required(request, "datapoints")) {
      JsonObject point = (JsonObject) item;
      String id = point.getString("datapointId");
      if (id == null || id.isEmpty()) {
        throw new IllegalArgumentException("datapointId is required");
      }
      parsed.add(
          new Datapoint(
              id,
              vector(point),
              restricts(point.getJsonArray("restricts", new JsonArray())),
              numbers(point.getJsonArray("numericRestricts", new JsonArray()))));
    }
    parsed.forEach(p -> datapoints.put(p.id(), p));
    return new JsonObject();
  }

  private JsonObject remove(JsonObject request) {
    for (Object id : required(request, "datapointIds")) {
      datapoints.remove((String) id);
    }
    return new JsonObject();
  }

  private JsonObject findNeighbors(JsonObject request) {
    if (!DEPLOYED_INDEX.equals(request.getString("deployedIndexId"))) {
      throw new IllegalArgumentException(
          "deployedIndexId " + request.getString("deployedIndexId") + " is not deployed here");
    }
    JsonArray results = new JsonArray();
    for (Object item : required(request, "queries")) {
      JsonObject query = (JsonObject) item;
      JsonObject point = query.getJsonObject("datapoint");
      if (point == null) {
        throw new IllegalArgumentException("queries[].datapoint is required");
      }
      float[] vector = vector(point);
      Map<String, List<String>> restricts =
          restricts(point.getJsonArray("restricts", new JsonArray()));
      List<JsonObject> numeric =
          numericQuery(point.getJsonArray("numericRestricts", new JsonArray()));
      int count = query.getInteger("neighborCount", 10);
      List<JsonObject> neighbors =
          datapoints.values().stream()
              .filter(d -> allowed(d, restricts) && inRange(d, numeric))
              .map(
                  d ->
                      new JsonObject()
                          .put("datapoint", new JsonObject().put("datapointId", d.id()))
                          .put("distance", dot(vector, d.vector())))
              .sorted(
                  Comparator.comparingDouble((JsonObject n) -> -n.getDouble("distance"))
                      .thenComparing(n -> n.getJsonObject("datapoint").getString("datapointId")))
              .limit(count)
              .toList();
      results.add(
          new JsonObject()
              .put("id", point.getString("datapointId"))
              .put("neighbors", new JsonArray(new ArrayList<>(neighbors))));
    }
    return new JsonObject().put("nearestNeighbors", results);
  }

  private static JsonArray required(JsonObject request, String field) {
    JsonArray array = request.getJsonArray(field);
    if (array == null) {
      throw new IllegalArgumentException(field + " is required");
    }
    return array;
  }

  private float[] vector(JsonObject point) {
    JsonArray values = point.getJsonArray("featureVector");
    if (values == null || values.size() != dimension) {
      throw new IllegalArgumentException(
          "featureVector must have "
              + dimension
              + " values, got "
              + (values == null ? "none" : values.size()));
    }
    float[] vector = new float[dimension];
    for (int i = 0; i < dimension; i++) {
      vector[i] = values.getNumber(i).floatValue();
    }
    return vector;
  }

  private static Map<String, List<String>> restricts(JsonArray restricts) {
    Map<String, List<String>> result = new HashMap<>();
    for (Object item : restricts) {
      JsonObject restrict = (JsonObject) item;
      List<String> values = new ArrayList<>();
      restrict.getJsonArray("allowList", new JsonArray()).forEach(v -> values.add((String) v));
      result.put(restrict.getString("namespace"), values);
    }
    return result;
  }

  private static Map<String, Long> numbers(JsonArray restricts) {
    Map<String, Long> result = new HashMap<>();
    for (Object item : restricts) {
      JsonObject restrict = (JsonObject) item;
      result.put(restrict.getString("namespace"), valueInt(restrict));
    }
    return result;
  }

  private static List<JsonObject> numericQuery(JsonArray restricts) {
    List<JsonObject> result = new ArrayList<>();
    for (Object item : restricts) {
      JsonObject restrict = (JsonObject) item;
      if (!OPS.contains(restrict.getString("op"))) {
        throw new IllegalArgumentException("numericRestricts[].op: " + restrict.getString("op"));
      }
      valueInt(restrict);
      result.add(restrict);
    }
    return result;
  }

  /** An int64 travels as a JSON string. */
  private static long valueInt(JsonObject restrict) {
    Object value = restrict.getValue("valueInt");
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("valueInt must be an int64 string, got " + value);
    }
    return Long.parseLong(text);
  }

  private static boolean allowed(Datapoint point, Map<String, List<String>> query) {
    for (Map.Entry<String, List<String>> restrict : query.entrySet()) {
      List<String> values = point.restricts().get(restrict.getKey());
      if (values == null || values.stream().noneMatch(restrict.getValue()::contains)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inRange(Datapoint point, List<JsonObject> query) {
    for (JsonObject restrict : query) {
      Long stored = point.numbers().get(restrict.getString("namespace"));
      if (stored == null) {
        return false;
      }
      long value = valueInt(restrict);
      int order = Long.compare(stored, value);
      boolean ok =
          switch (restrict.getString("op")) {
            case "LESS" -> order < 0;
            case "LESS_EQUAL" -> order <= 0;
            case "EQUAL" -> order == 0;
            case "GREATER_EQUAL" -> order >= 0;
            case "GREATER" -> order > 0;
            default -> order != 0;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static String statusName(int status) {
    return switch (status) {
      case 429 -> "RESOURCE_EXHAUSTED";
      case 503 -> "UNAVAILABLE";
      case 400 -> "INVALID_ARGUMENT";
      default -> "INTERNAL";
    };
  }

  private void answerError(HttpExchange exchange, int status, String name, String message)
      throws IOException {
    errors.incrementAndGet();
    answer(
        exchange,
        status,
        new JsonObject()
            .put(
                "error",
                new JsonObject().put("code", status).put("message", message).put("status", name)));
  }

  private static void answer(HttpExchange exchange, int status, JsonObject body)
      throws IOException {
    byte[] bytes = body.encode().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
