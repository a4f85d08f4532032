package com.aiagent.vertex;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * A test-only fake of Vertex AI's REST API, speaking the wire format that the Google Gen AI SDK
 * ({@code com.google.genai:google-genai}) expects for text generation, embeddings and images.
 *
 * <p>Point the SDK at it with {@code HttpOptions.builder().baseUrl(server.baseUrl())}. Every
 * request is recorded, and each method ({@code generateContent}, {@code predict}, {@code
 * embedContent}) can be told to fail, stall or answer nonsense; see {@link Behavior}.
 *
 * <p>To run the service against it by hand, start it with {@code scripts/fake-vertex.sh 8089} and
 * give the service the base URL {@code http://127.0.0.1:8089} and any bearer token.
 */
public final class FakeVertexServer {

  /** How a method answers. */
  public enum Behavior {
    /** A plausible answer. */
    OK,
    /** 429 RESOURCE_EXHAUSTED. */
    RATE_LIMITED,
    /** 500 INTERNAL. */
    SERVER_ERROR,
    /** A plausible answer, sent after {@link #slowMillis(long)}. */
    SLOW,
    /**
     * 200 with the right envelope but wrong content: text that is not JSON, embeddings of 3 values,
     * image bytes that are not an image.
     */
    MALFORMED,
    /**
     * 200 with no usable result: a text candidate with finishReason SAFETY and no parts, an Imagen
     * prediction carrying only raiFilteredReason, a Gemini image candidate with finishReason
     * IMAGE_SAFETY and no parts, no embeddings at all.
     */
    SAFETY_BLOCKED
  }

  /** One request as the fake received it; model fields are null for unknown paths. */
  public record RecordedRequest(
      String path,
      String project,
      String location,
      String model,
      String method,
      String authorization,
      JsonObject body) {}

  private enum Kind {
    TEXT,
    GEMINI_IMAGE,
    IMAGEN,
    EMBED_PREDICT,
    EMBED_CONTENT
  }

  private record PendingFailures(int remaining, Behavior behavior) {}

  private static final String MODEL_ROUTE =
      "/%s/projects/:project/locations/:location/publishers/google/models/:modelAndMethod";
  private static final Set<String> METHODS = Set.of("generateContent", "predict", "embedContent");
  private static final int DEFAULT_DIMENSIONS = 3072;
  private static final int MALFORMED_DIMENSIONS = 3;
  private static final int IMAGE_SIDE = 64;
  private static final Pattern PRODUCT_ID = Pattern.compile("prod_\\d{3}(?!\\d)");
  private static final Pattern CAMPAIGN_ID = Pattern.compile("camp_\\d{3}(?!\\d)");
  private static final String NOT_AN_IMAGE =
      Base64.getEncoder().encodeToString("not an image".getBytes(StandardCharsets.UTF_8));
  private static final String RAI_FILTERED_REASON =
      "Your current safety filter threshold filtered out the generated image.";

  private final Vertx vertx;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Behavior> behaviors = new ConcurrentHashMap<>();
  private final Map<String, PendingFailures> pendingFailures = new ConcurrentHashMap<>();
  private volatile HttpServer server;
  private volatile String expectedToken;
  private volatile Set<String> knownModels;
  private volatile long slowMillis = 3000;
  private volatile String textOverride;

  private FakeVertexServer(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts the fake on 127.0.0.1; port 0 picks any free port. */
  public static Future<FakeVertexServer> start(Vertx vertx, int port) {
    FakeVertexServer fake = new FakeVertexServer(vertx);
    return vertx
        .createHttpServer()
        .requestHandler(fake.router())
        .listen(port, "127.0.0.1")
        .map(
            listening -> {
              fake.server = listening;
              return fake;
            });
  }

  /** Runs the fake by hand: {@code FakeVertexServer [port]}, port 8089 by default. */
  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8089;
    Vertx vertx = Vertx.vertx();
    start(vertx, port)
        .onSuccess(
            fake ->
                System.out.println(
                    "fake Vertex AI listening on " + fake.baseUrl() + " (any bearer token)"))
        .onFailure(
            failure -> {
              failure.printStackTrace();
              System.exit(1);
            });
  }

  public int port() {
    return server.actualPort();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public Future<Void> close() {
    return server.close();
  }

  /** A copy of every request received so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clear() {
    requests.clear();
  }

  /** Requires {@code Authorization: Bearer token} from now on; null accepts anything. */
  public void expectToken(String token) {
    this.expectedToken = token;
  }

  /** Answers 404 for models outside this set; null (the default) knows every model. */
  public void knownModels(Set<String> models) {
    this.knownModels = models == null ? null : Set.copyOf(models);
  }

  public void behave(String method, Behavior behavior) {
    behaviors.put(method, behavior);
  }

  /** The next {@code times} calls of {@code method} behave so, then the configured one resumes. */
  public void failNext(String method, int times, Behavior behavior) {
    if (times <= 0) {
      pendingFailures.remove(method);
    } else {
      pendingFailures.put(method, new PendingFailures(times, behavior));
    }
  }

  /** Every method answers OK again and pending {@link #failNext} calls are forgotten. */
  public void reset() {
    behaviors.clear();
    pendingFailures.clear();
  }

  /** How long {@link Behavior#SLOW} waits before answering; 3000 ms by default. */
  public void slowMillis(long millis) {
    this.slowMillis = millis;
  }

  /** Makes every text answer exactly this string; null goes back to generated posts. */
  public void textOverride(String text) {
    this.textOverride = text;
  }

  private Router router() {
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false));
    for (String version : List.of("v1", "v1beta1")) {
      router.route(HttpMethod.POST, MODEL_ROUTE.formatted(version)).handler(this::handleModelCall);
    }
    router.route().handler(this::handleUnknownPath);
    return router;
  }

  private void handleUnknownPath(RoutingContext ctx) {
    requests.add(
        new RecordedRequest(
            ctx.normalizedPath(), null, null, null, null, authorization(ctx), jsonBody(ctx)));
    sendPathNotFound(ctx);
  }

  private static void sendPathNotFound(RoutingContext ctx) {
    sendError(
        ctx,
        404,
        "NOT_FOUND",
        "The requested URL " + ctx.normalizedPath() + " was not found on this server.");
  }

  private void handleModelCall(RoutingContext ctx) {
    String project = ctx.pathParam("project");
    String location = ctx.pathParam("location");
    String modelAndMethod = ctx.pathParam("modelAndMethod");
    int colon = modelAndMethod.lastIndexOf(':');
    String model = colon < 0 ? modelAndMethod : modelAndMethod.substring(0, colon);
    String method = colon < 0 ? "" : modelAndMethod.substring(colon + 1);
    JsonObject body = jsonBody(ctx);
    requests.add(
        new RecordedRequest(
            ctx.normalizedPath(), project, location, model, method, authorization(ctx), body));

    if (!authorized(authorization(ctx))) {
      sendError(
          ctx,
          401,
          "UNAUTHENTICATED",
          "Request had invalid authentication credentials. Expected OAuth 2 access token, login"
              + " cookie or other valid authentication credential.");
    } else if (!METHODS.contains(method)) {
      sendPathNotFound(ctx);
    } else if (!isKnown(model)) {
      sendError(
          ctx,
          404,
          "NOT_FOUND",
          ("Publisher Model `projects/%s/locations/%s/publishers/google/models/%s` was not found"
                  + " or your project does not have access to it.")
              .formatted(project, location, model));
    } else if (body == null) {
      sendError(ctx, 400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
    } else {
      respond(ctx, kindOf(model, method, body), body, nextBehavior(method));
    }
  }

  private static String authorization(RoutingContext ctx) {
    return ctx.request().getHeader("Authorization");
  }

  private static JsonObject jsonBody(RoutingContext ctx) {
    try {
      return ctx.body().isEmpty() ? null : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException notAnObject) {
      return null;
    }
  }

  private boolean authorized(String authorization) {
    String token = expectedToken;
    return token == null || ("Bearer " + token).equals(authorization);
  }

  private boolean isKnown(String model) {
    Set<String> known = knownModels;
    return known == null || known.contains(model);
  }

  private Behavior nextBehavior(String method) {
    PendingFailures[] taken = new PendingFailures[1];
    pendingFailures.computeIfPresent(
        method,
        (m, pending) -> {
          taken[0] = pending;
          return pending.remaining() > 1
              ? new PendingFailures(pending.remaining() - 1, pending.behavior())
              : null;
        });
    return taken[0] != null ? taken[0].behavior() : behaviors.getOrDefault(method, Behavior.OK);
  }

  private static Kind kindOf(String model, String method, JsonObject body) {
    return switch (method) {
      case "embedContent" -> Kind.EMBED_CONTENT;
      // Only Imagen and the embedding models (gemini-embedding-001, text-*embedding-*) use predict.
      case "predict" -> model.startsWith("imagen-") ? Kind.IMAGEN : Kind.EMBED_PREDICT;
      default -> wantsImage(body) ? Kind.GEMINI_IMAGE : Kind.TEXT;
    };
  }

  private static boolean wantsImage(JsonObject body) {
    JsonArray modalities =
        generationConfig(body).getJsonArray("responseModalities", new JsonArray());
    return modalities.stream().anyMatch(modality -> "IMAGE".equalsIgnoreCase(modality.toString()));
  }

  private static JsonObject generationConfig(JsonObject body) {
    return body.getJsonObject("generationConfig", new JsonObject());
  }

  private void respond(RoutingContext ctx, Kind kind, JsonObject body, Behavior behavior) {
    switch (behavior) {
      case RATE_LIMITED ->
          sendError(
              ctx,
              429,
              "RESOURCE_EXHAUSTED",
              "Resource exhausted. Please try again later. Please refer to"
                  + " https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for"
                  + " more details.");
      case SERVER_ERROR -> sendError(ctx, 500, "INTERNAL", "Internal error encountered.");
      case SLOW ->
          vertx.setTimer(slowMillis, timer -> send(ctx, 200, answer(kind, body, Behavior.OK)));
      default -> send(ctx, 200, answer(kind, body, behavior));
    }
  }

  private JsonObject answer(Kind kind, JsonObject body, Behavior behavior) {
    return switch (kind) {
      case EMBED_PREDICT -> embeddingPredictions(body, behavior);
      case EMBED_CONTENT -> singleEmbedding(body, behavior);
      case IMAGEN -> imagenPredictions(body, behavior);
      case GEMINI_IMAGE -> geminiImage(body, behavior);
      case TEXT -> textAnswer(body, behavior);
    };
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=UTF-8")
        .end(body.encode());
  }

  private static void sendError(RoutingContext ctx, int code, String status, String message) {
    JsonObject error =
        new JsonObject().put("code", code).put("message", message).put("status", status);
    send(ctx, code, new JsonObject().put("error", error));
  }

  private static JsonObject embeddingPredictions(JsonObject body, Behavior behavior) {
    JsonArray predictions = new JsonArray();
    if (behavior != Behavior.SAFETY_BLOCKED) {
      int dimensions = dimensions(body.getJsonObject("parameters", new JsonObject()), behavior);
      for (Object instance : body.getJsonArray("instances", new JsonArray())) {
        String content = ((JsonObject) instance).getString("content", "");
        JsonObject statistics = new JsonObject().put("token_count", 5).put("truncated", false);
        JsonObject embeddings =
            new JsonObject()
                .put("values", vectorJson(content, dimensions))
                .put("statistics", statistics);
        predictions.add(new JsonObject().put("embeddings", embeddings));
      }
    }
    return new JsonObject().put("predictions", predictions);
  }

  private static JsonObject singleEmbedding(JsonObject body, Behavior behavior) {
    JsonArray parts =
        body.getJsonObject("content", new JsonObject()).getJsonArray("parts", new JsonArray());
    String text = parts.isEmpty() ? "" : parts.getJsonObject(0).getString("text", "");
    JsonArray values =
        behavior == Behavior.SAFETY_BLOCKED
            ? new JsonArray()
            : vectorJson(text, dimensions(embedContentConfig(body), behavior));
    return new JsonObject().put("embedding", new JsonObject().put("values", values));
  }

  /** The SDK nests the settings in embedContentConfig; the public REST shape has them on top. */
  private static JsonObject embedContentConfig(JsonObject body) {
    return body.getJsonObject("embedContentConfig", body);
  }

  private static int dimensions(JsonObject holder, Behavior behavior) {
    return behavior == Behavior.MALFORMED
        ? MALFORMED_DIMENSIONS
        : holder.getInteger("outputDimensionality", DEFAULT_DIMENSIONS);
  }

  private static JsonArray vectorJson(String text, int dimensions) {
    JsonArray values = new JsonArray();
    for (float value : vector(text, dimensions)) {
      values.add(value);
    }
    return values;
  }

  /**
   * A deterministic, deliberately not normalized vector: the sum of one seeded gaussian vector per
   * word, so texts sharing words point in similar directions, plus a small whole-text component
   * that keeps different texts with the same words apart.
   */
  private static float[] vector(String text, int dimensions) {
    float[] vector = new float[dimensions];
    addGaussian(vector, text.hashCode(), 0.5);
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
      if (!word.isEmpty()) {
        addGaussian(vector, word.hashCode(), 3.0);
      }
    }
    return vector;
  }

  private static void addGaussian(float[] vector, long seed, double scale) {
    Random random = new Random(seed);
    for (int i = 0; i < vector.length; i++) {
      vector[i] += (float) (random.nextGaussian() * scale);
    }
  }

  private static JsonObject imagenPredictions(JsonObject body, Behavior behavior) {
    if (behavior == Behavior.SAFETY_BLOCKED) {
      JsonObject filtered = new JsonObject().put("raiFilteredReason", RAI_FILTERED_REASON);
      return new JsonObject().put("predictions", new JsonArray().add(filtered));
    }
    JsonArray instances = body.getJsonArray("instances", new JsonArray());
    String prompt = instances.isEmpty() ? "" : instances.getJsonObject(0).getString("prompt", "");
    int count = body.getJsonObject("parameters", new JsonObject()).getInteger("sampleCount", 1);
    String bytes = behavior == Behavior.MALFORMED ? NOT_AN_IMAGE : pngBase64(prompt);
    JsonArray predictions = new JsonArray();
    for (int i = 0; i < count; i++) {
      predictions.add(
          new JsonObject().put("bytesBase64Encoded", bytes).put("mimeType", "image/png"));
    }
    return new JsonObject().put("predictions", predictions);
  }

  private static JsonObject geminiImage(JsonObject body, Behavior behavior) {
    if (behavior == Behavior.SAFETY_BLOCKED) {
      return blockedCandidate("IMAGE_SAFETY");
    }
    String data = behavior == Behavior.MALFORMED ? NOT_AN_IMAGE : pngBase64(lastUserText(body));
    JsonObject inlineData = new JsonObject().put("mimeType", "image/png").put("data", data);
    return candidate(new JsonObject().put("inlineData", inlineData));
  }

  private static String pngBase64(String prompt) {
    BufferedImage image = new BufferedImage(IMAGE_SIDE, IMAGE_SIDE, BufferedImage.TYPE_INT_RGB);
    int colour = prompt.hashCode() & 0xFFFFFF;
    for (int y = 0; y < IMAGE_SIDE; y++) {
      for (int x = 0; x < IMAGE_SIDE; x++) {
        image.setRGB(x, y, colour);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(png.toByteArray());
  }

  private JsonObject textAnswer(JsonObject body, Behavior behavior) {
    if (behavior == Behavior.SAFETY_BLOCKED) {
      return blockedCandidate("SAFETY");
    }
    String text;
    if (behavior == Behavior.MALFORMED) {
      text = "this is not json {";
    } else if (textOverride != null) {
      text = textOverride;
    } else if ("application/json".equals(generationConfig(body).getString("responseMimeType"))) {
      text = post(body).encode();
    } else {
      text = "ok";
    }
    JsonObject usage =
        new JsonObject()
            .put("promptTokenCount", 10)
            .put("candidatesTokenCount", 20)
            .put("totalTokenCount", 30);
    return candidate(new JsonObject().put("text", text)).put("usageMetadata", usage);
  }

  private static JsonObject candidate(JsonObject part) {
    JsonObject content =
        new JsonObject().put("role", "model").put("parts", new JsonArray().add(part));
    JsonObject candidate = new JsonObject().put("content", content).put("finishReason", "STOP");
    return new JsonObject().put("candidates", new JsonArray().add(candidate));
  }

  private static JsonObject blockedCandidate(String finishReason) {
    JsonObject candidate =
        new JsonObject()
            .put("finishReason", finishReason)
            .put("content", new JsonObject().put("parts", new JsonArray()));
    return new JsonObject().put("candidates", new JsonArray().add(candidate));
  }

  private static JsonObject post(JsonObject body) {
    String prompt = String.join("\n", allTexts(body));
    List<String> productIds = distinctMatches(PRODUCT_ID, prompt, 3);
    List<String> campaignIds = distinctMatches(CAMPAIGN_ID, prompt, 1);
    JsonObject post = containsHangul(lastUserText(body)) ? koreanPost() : englishPost();
    return post.put("product_ids", new JsonArray(productIds))
        .put("campaign_ids", new JsonArray(campaignIds));
  }

  private static JsonObject koreanPost() {
    return new JsonObject()
        .put("title", "오늘만 만나는 특별한 추천")
        .put("content", "당신의 취향에 꼭 맞는 상품을 골랐어요. 지금 확인하고 특별한 혜택을 놓치지 마세요.")
        .put("hashtags", new JsonArray().add("#추천").add("#오늘의특가").add("#쇼핑"))
        .put("call_to_action", "지금 바로 확인하기")
        .put("image_prompt", "따뜻한 자연광 아래 놓인 상품과 미니멀한 배경");
  }

  private static JsonObject englishPost() {
    return new JsonObject()
        .put("title", "Picked just for you today")
        .put(
            "content",
            "We chose items that match your taste. Take a look now and don't miss the offer.")
        .put("hashtags", new JsonArray().add("#picks").add("#todaysdeal").add("#shopping"))
        .put("call_to_action", "Shop now")
        .put("image_prompt", "The product in soft natural light on a warm, minimal background");
  }

  private static List<String> allTexts(JsonObject body) {
    List<String> texts = new ArrayList<>();
    JsonObject system = body.getJsonObject("systemInstruction");
    if (system != null) {
      texts.addAll(partTexts(system));
    }
    for (Object content : body.getJsonArray("contents", new JsonArray())) {
      texts.addAll(partTexts((JsonObject) content));
    }
    return texts;
  }

  private static List<String> partTexts(JsonObject content) {
    List<String> texts = new ArrayList<>();
    for (Object part : content.getJsonArray("parts", new JsonArray())) {
      String text = ((JsonObject) part).getString("text");
      if (text != null) {
        texts.add(text);
      }
    }
    return texts;
  }

  /** The text of the last part of the last user turn (a content without a role is a user turn). */
  private static String lastUserText(JsonObject body) {
    JsonArray contents = body.getJsonArray("contents", new JsonArray());
    for (int i = contents.size() - 1; i >= 0; i--) {
      JsonObject content = contents.getJsonObject(i);
      if ("user".equals(content.getString("role", "user"))) {
        List<String> texts = partTexts(content);
        return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
      }
    }
    return "";
  }

  private static List<String> distinctMatches(Pattern pattern, String text, int limit) {
    Set<String> found = new LinkedHashSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find() && found.size() < limit) {
      found.add(matcher.group());
    }
    return new ArrayList<>(found);
  }

  private static boolean containsHangul(String text) {
    return text.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
  }
}
