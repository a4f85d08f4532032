package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole service, over HTTP: author A publishes a generated post, follower B's next feed has it
 * labelled AI-generated, non-follower C's does not, an unpublished post never shows, and a hide
 * takes it out. Run on the embedded default and on PostgreSQL (with Redis) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PublishedPostsFlow {
  private static final String AUTHOR = "user_003";
  private static final String FOLLOWER = "user_004";
  private static final String STRANGER = "user_005";

  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;

  /** The environment the service runs with. */
  protected abstract Map<String, String> env();

  /** Called after the service stopped. */
  protected void cleanUp() throws Exception {}

  @BeforeAll
  final void start() throws Exception {
    app = TestApp.create(env());
    await(app.start(vertx));
    client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(app.port()));
  }

  @AfterAll
  final void stop() throws Exception {
    try {
      await(app.stop());
      await(vertx.close());
    } finally {
      cleanUp();
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  @Test
  void aPublishedPostReachesFollowersOnlyLabelledAiGenerated() throws Exception {
    events(
        event(FOLLOWER, "follow", AUTHOR),
        event(STRANGER, "unfollow", AUTHOR),
        event(AUTHOR, "unfollow", FOLLOWER));
    // Rankings cached before the publish must not keep the post out of the next page.
    walk(FOLLOWER, 20);
    walk(STRANGER, 20);

    // About the follower's interests (travel, pets), so its products sit close to their taste.
    JsonObject published = generate(AUTHOR, "반려견이랑 여행 갈 때 챙길 것 추천해줘", true);
    assertThat(published.getBoolean("published")).isTrue();
    JsonObject kept = generate(AUTHOR, "running shoes for the weekend", null);
    assertThat(kept.getBoolean("published")).isFalse();
    JsonObject refused = generate(AUTHOR, "cozy home picks", false);
    assertThat(refused.getBoolean("published")).isFalse();
    String postId = published.getString("id");

    List<JsonObject> followerFeed = walk(FOLLOWER, 5);
    List<JsonObject> shown = withId(followerFeed, postId);
    assertThat(shown).as("the published post, once over the whole walk").hasSize(1);
    JsonObject item = shown.get(0);
    assertThat(item.getString("type")).isEqualTo("ai_post");
    assertThat(item.getBoolean("ai_generated")).isTrue();
    assertThat(item.getString("label")).isEqualTo("AI 생성 · AI-generated");
    assertThat(item.getString("author_id")).isEqualTo(AUTHOR);
    assertThat(item.getString("title")).isEqualTo(published.getString("title"));
    assertThat(item.getString("body")).isEqualTo(published.getString("content"));
    assertThat(item.getJsonArray("hashtags")).isEqualTo(published.getJsonArray("hashtags"));
    assertThat(item.getJsonArray("product_ids").getList())
        .isNotEmpty()
        .isEqualTo(
            published.getJsonArray("products").stream()
                .map(p -> ((JsonObject) p).getString("id"))
                .toList());
    assertThat(item.getString("image_url"))
        .isEqualTo(published.getString("generated_image_url").replaceFirst("^https?://[^/]+", ""));
    assertThat(item.getJsonArray("reasons").getList()).contains("followed_author", "fresh");
    assertThat(item.getString("created_at")).isEqualTo(published.getString("created_at"));
    // Fresh and by a followed author, it outranks the follower's own first page.
    assertThat(firstPage(FOLLOWER, 5)).extracting(i -> i.getString("id")).contains(postId);
    assertThat(ids(followerFeed)).doesNotHaveDuplicates();
    assertThat(ids(followerFeed)).doesNotContain(kept.getString("id"), refused.getString("id"));

    assertThat(ids(walk(STRANGER, 5)))
        .doesNotContain(postId, kept.getString("id"), refused.getString("id"));
    assertThat(ids(walk(AUTHOR, 5)))
        .as("the author's own feed")
        .doesNotContain(postId, kept.getString("id"));

    JsonObject fetched = get("/v1/ai/feeds/" + postId).bodyAsJsonObject();
    assertThat(fetched.getBoolean("published")).isTrue();

    // Shown, then hidden: gone from the follower's feed; the rest of it stays.
    JsonObject seen = events(event(FOLLOWER, "impression", postId));
    assertThat(seen.getInteger("accepted")).as(seen.encode()).isEqualTo(1);
    JsonObject notLikeable = events(event(FOLLOWER, "like", postId));
    assertThat(notLikeable.getInteger("rejected")).isEqualTo(1);
    JsonObject unknown = events(event(FOLLOWER, "hide", kept.getString("id")));
    assertThat(unknown.getInteger("rejected"))
        .as("an unpublished post is no feed item")
        .isEqualTo(1);
    JsonObject hidden = events(event(FOLLOWER, "hide", postId));
    assertThat(hidden.getInteger("accepted")).isEqualTo(1);
    List<JsonObject> afterHide = walk(FOLLOWER, 5);
    assertThat(ids(afterHide)).doesNotContain(postId).isNotEmpty();
  }

  @Test
  void aPublishFlagThatIsNotABooleanIsRefusedAndStoresNothing() throws Exception {
    long before = await(app.stores.posts().count());
    for (Object bad : List.of("yes", 1, new JsonObject())) {
      HttpResponse<Buffer> response =
          post(
              "/v1/ai/generate-feed",
              new JsonObject().put("user_id", AUTHOR).put("prompt", "셔츠 추천해줘").put("publish", bad));
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
      JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
      assertThat(error.getString("code")).isEqualTo("bad_request");
      assertThat(error.getString("message")).contains("publish");
    }
    assertThat(await(app.stores.posts().count())).isEqualTo(before);
  }

  private JsonObject generate(String user, String prompt, Boolean publish) throws Exception {
    JsonObject body = new JsonObject().put("user_id", user).put("prompt", prompt);
    if (publish != null) {
      body.put("publish", publish);
    }
    HttpResponse<Buffer> response = post("/v1/ai/generate-feed", body);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject();
  }

  /** Every item of a user's feed, following next_cursor to the end. */
  private List<JsonObject> walk(String user, int limit) throws Exception {
    List<JsonObject> items = new ArrayList<>();
    String cursor = null;
    do {
      String uri =
          "/v1/feed?user_id="
              + user
              + "&limit="
              + limit
              + (cursor == null ? "" : "&cursor=" + cursor);
      JsonObject page = get(uri).bodyAsJsonObject();
      page.getJsonArray("items").forEach(i -> items.add((JsonObject) i));
      cursor = page.getString("next_cursor");
    } while (cursor != null);
    return items;
  }

  private List<JsonObject> firstPage(String user, int limit) throws Exception {
    List<JsonObject> items = new ArrayList<>();
    get("/v1/feed?user_id=" + user + "&limit=" + limit)
        .bodyAsJsonObject()
        .getJsonArray("items")
        .forEach(i -> items.add((JsonObject) i));
    return items;
  }

  private static List<JsonObject> withId(List<JsonObject> items, String id) {
    return items.stream().filter(i -> id.equals(i.getString("id"))).toList();
  }

  private static List<String> ids(List<JsonObject> items) {
    return items.stream().map(i -> i.getString("id")).toList();
  }

  private JsonObject events(JsonObject... events) throws Exception {
    HttpResponse<Buffer> response =
        post("/v1/events", new JsonObject().put("events", new JsonArray(List.of(events))));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    return response.bodyAsJsonObject();
  }

  private static JsonObject event(String user, String type, String item) {
    return new JsonObject()
        .put("event_id", "flow-" + UUID.randomUUID())
        .put("user_id", user)
        .put("type", type)
        .put("item_id", item);
  }

  private HttpResponse<Buffer> get(String uri) throws Exception {
    HttpResponse<Buffer> response = await(client.get(uri).send());
    assertThat(response.statusCode()).as(uri + ": " + response.bodyAsString()).isEqualTo(200);
    return response;
  }

  private HttpResponse<Buffer> post(String uri, JsonObject body) throws Exception {
    return await(
        client.post(uri).putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer()));
  }
}
