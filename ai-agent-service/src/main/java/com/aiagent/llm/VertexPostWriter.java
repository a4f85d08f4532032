package com.aiagent.llm;

import com.aiagent.bus.BusJson;
import com.aiagent.llm.WritePostRequest.Campaign;
import com.aiagent.llm.WritePostRequest.Product;
import com.aiagent.vertex.VertexCaller;
import com.google.genai.types.Content;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.Schema;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Gemini on Vertex AI writes the post as JSON against a response schema; the answer is checked by
 * {@link PostValidator} and a rejected one is asked for once more. Failures (including a second
 * rejection) fail the returned future; the LLM module then falls back to the local writer.
 */
final class VertexPostWriter implements PostWriter {
  private static final String PROVIDER = "vertex";
  private static final Schema STRING = Schema.builder().type("STRING").build();
  private static final Schema STRINGS = Schema.builder().type("ARRAY").items(STRING).build();
  private static final Schema POST =
      Schema.builder()
          .type("OBJECT")
          .properties(
              Map.of(
                  "title", STRING,
                  "content", STRING,
                  "hashtags", STRINGS,
                  "call_to_action", STRING,
                  "product_ids", STRINGS,
                  "campaign_ids", STRINGS,
                  "image_prompt", STRING))
          .required(
              "title",
              "content",
              "hashtags",
              "call_to_action",
              "product_ids",
              "campaign_ids",
              "image_prompt")
          .build();
  private static final String INSTRUCTIONS =
      "You write one social-feed post for a shopping platform. Use only the products and campaigns"
          + " given in the request JSON: name them exactly as given, with their prices in KRW, and"
          + " list the ids you used in product_ids and campaign_ids. Never mention any other product,"
          + " brand or price. Write title, content, hashtags and call_to_action in the language of"
          + " the user's prompt (Korean prompt: Korean). image_prompt describes, in English, a"
          + " picture of the products you used. Answer only with the JSON object of the schema.";

  private final VertexCaller vertex;
  private final float temperature;
  private final PostValidator validator = new PostValidator();

  VertexPostWriter(VertexCaller vertex, double temperature) {
    this.vertex = vertex;
    this.temperature = (float) temperature;
  }

  /** A model answer that cannot be shown. */
  static final class RejectedAnswer extends RuntimeException {
    RejectedAnswer(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public String breakerState() {
    return vertex.breakerState();
  }

  @Override
  public void close() {
    vertex.close();
  }

  @Override
  public Future<WrittenPost> write(WritePostRequest request) {
    if (request.products().isEmpty() && !request.closestCategories().isEmpty()) {
      // Nothing to ground a model's post in: the honest template says so, no call is spent.
      return Future.succeededFuture(
          NothingFoundPost.write(
              request,
              request.categories().stream()
                  .collect(
                      java.util.stream.Collectors.toMap(
                          WritePostRequest.Category::key, c -> c, (a, b) -> a)),
              LocalPostWriter.PROVIDER));
    }
    return attempt(request)
        .recover(
            error ->
                error instanceof RejectedAnswer ? attempt(request) : Future.failedFuture(error));
  }

  private Future<WrittenPost> attempt(WritePostRequest request) {
    GenerateContentConfig config =
        GenerateContentConfig.builder()
            .systemInstruction(Content.fromParts(Part.fromText(INSTRUCTIONS)))
            .responseMimeType("application/json")
            .responseSchema(POST)
            .temperature(temperature)
            .build();
    return vertex
        .call(
            client ->
                client.async.models.generateContent(vertex.model(), requestText(request), config))
        .map(response -> post(response, request));
  }

  static String requestText(WritePostRequest request) {
    JsonObject body =
        new JsonObject()
            .put("language", request.language() == Language.KO ? "Korean" : "English")
            .put(
                "user",
                new JsonObject()
                    .put(
                        "name",
                        request.language() == Language.KO
                            ? request.user().nameKo()
                            : request.user().nameEn())
                    .put("interests", new JsonArray(request.user().interests())))
            .put(
                "products",
                new JsonArray(request.products().stream().map(VertexPostWriter::product).toList()))
            .put(
                "campaigns",
                new JsonArray(
                    request.campaigns().stream().map(VertexPostWriter::campaign).toList()));
    return "Items (JSON): " + body.encode() + "\nUser's prompt: " + request.prompt();
  }

  private static JsonObject product(Product p) {
    return new JsonObject()
        .put("id", p.id())
        .put("name_ko", p.nameKo())
        .put("name_en", p.nameEn())
        .put("category", p.category())
        .put("price_krw", p.price())
        .put("description_ko", p.descriptionKo())
        .put("description_en", p.descriptionEn());
  }

  private static JsonObject campaign(Campaign c) {
    return new JsonObject()
        .put("id", c.id())
        .put("product_id", c.productId())
        .put("title_ko", c.titleKo())
        .put("title_en", c.titleEn());
  }

  private WrittenPost post(GenerateContentResponse response, WritePostRequest request) {
    String text;
    try {
      text = response.text();
    } catch (IllegalArgumentException e) {
      // The SDK throws instead of answering null when generation stopped early (e.g. SAFETY).
      throw new RejectedAnswer("the model stopped: " + e.getMessage());
    }
    if (text == null || text.isBlank()) {
      throw new RejectedAnswer("the model returned no text (blocked or empty)");
    }
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException e) {
      throw new RejectedAnswer("the model's answer is not a JSON object");
    }
    WrittenPost post;
    try {
      WrittenPost parsed = BusJson.fromJsonObject(json, WrittenPost.class);
      post =
          new WrittenPost(
              parsed.title(),
              parsed.content(),
              parsed.hashtags(),
              parsed.callToAction(),
              parsed.productIds(),
              parsed.campaignIds(),
              ImagePrompts.forPost(parsed.title(), parsed.productIds(), request.products()),
              PROVIDER);
    } catch (RuntimeException e) {
      throw new RejectedAnswer("the model's answer does not fit the post schema");
    }
    List<String> problems = validator.problems(post, request);
    if (!problems.isEmpty()) {
      throw new RejectedAnswer(problems.stream().collect(Collectors.joining("; ")));
    }
    return post;
  }
}
