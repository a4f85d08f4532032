package com.aiagent.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import com.aiagent.store.EdgeType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/events} on the embedded default: what each event type does to the next feed,
 * duplicates, rejections with reasons, and the ad rules. Each test works on a user of its own.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventsApiTest {
  private final TestApp app = TestApp.create(Map.of("FEED_CACHE_TTL_MS", "600000"));
  private WebClient client;

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(app.port()));
    app.start(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @AfterAll
  void stop(VertxTestContext ctx) {
    app.stop().onComplete(ctx.succeedingThenComplete());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  static JsonObject event(String user, String type, String item) {
    return new JsonObject()
        .put("event_id", UUID.randomUUID().toString())
        .put("user_id", user)
        .put("type", type)
        .put("item_id", item)
        .put("ts", Instant.now().toString());
  }

  private HttpResponse<Buffer> send(Object body) throws Exception {
    Buffer buffer = body instanceof JsonArray a ? a.toBuffer() : ((JsonObject) body).toBuffer();
    return await(
        client.post("/v1/events").putHeader("Content-Type", "application/json").sendBuffer(buffer));
  }

  private JsonObject record(JsonObject... events) throws Exception {
    HttpResponse<Buffer> response =
        send(new JsonObject().put("events", new JsonArray(List.of(events))));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    return response.bodyAsJsonObject();
  }

  private JsonArray feed(String user, int limit) throws Exception {
    HttpResponse<Buffer> response =
        await(client.get("/v1/feed?user_id=" + user + "&limit=" + limit).send());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items");
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private static Set<String> withReason(JsonArray items, String reason) {
    Set<String> ids = new HashSet<>();
    items.stream()
        .map(JsonObject.class::cast)
        .filter(i -> i.getJsonArray("reasons").contains(reason))
        .forEach(i -> ids.add(i.getString("id")));
    return ids;
  }

  private static JsonObject item(JsonArray items, String id) {
    return items.stream()
        .map(JsonObject.class::cast)
        .filter(i -> i.getString("id").equals(id))
        .findFirst()
        .orElse(null);
  }

  private static String firstOfType(JsonArray items, String type) {
    return items.stream()
        .map(JsonObject.class::cast)
        .filter(i -> i.getString("type").equals(type))
        .map(i -> i.getString("id"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aBatchKeepsItsGoodEventsAndSaysWhyEachBadOneWasRejected() throws Exception {
    JsonArray batch =
        new JsonArray()
            .add(event("user_002", "like", "content_001"))
            .add(event("user_002", "dance", "content_001"))
            .add(event("user_999", "like", "content_001"))
            .add(event("user_002", "like", "content_999"))
            .add(event("user_002", "like", "prod_001"))
            .add(event("user_002", "like", "content_002").put("ts", "2099-01-01T00:00:00Z"))
            .add(event("user_002", "like", "content_003").put("ts", "yesterday"))
            .add(event("user_002", "follow", "user_002"))
            .add(event("user_002", "like", "content_004").putNull("event_id"))
            .add(event("user_002", "like", "content_005").put("user_id", 42))
            .add("not an event")
            .add(event("user_002", "hide", "content_006"));
    HttpResponse<Buffer> response = send(batch);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getInteger("accepted")).isEqualTo(2);
    assertThat(body.getInteger("duplicate")).isZero();
    assertThat(body.getInteger("rejected")).isEqualTo(10);
    JsonArray rejections = body.getJsonArray("rejections");
    assertThat(rejections.stream().map(r -> ((JsonObject) r).getInteger("index")))
        .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    List<String> reasons =
        rejections.stream().map(r -> ((JsonObject) r).getString("reason")).toList();
    assertThat(reasons.get(0)).contains("type must be one of").contains("dance");
    assertThat(reasons.get(1)).isEqualTo("unknown user: user_999");
    assertThat(reasons.get(2)).isEqualTo("unknown item: content_999");
    assertThat(reasons.get(3)).contains("like takes content").contains("prod_001 is a product");
    assertThat(reasons.get(4)).contains("in the future");
    assertThat(reasons.get(5)).contains("ts must be an ISO-8601 instant");
    assertThat(reasons.get(6)).contains("themselves");
    assertThat(reasons.get(7)).contains("event_id");
    assertThat(reasons.get(8)).isEqualTo("user_id must be a string");
    assertThat(reasons.get(9)).contains("JSON object");
    assertThat(rejections.getJsonObject(0).getString("event_id")).isNotBlank();
    assertThat(await(app.stores.graph().targets("user_002", EdgeType.LIKES)))
        .contains("content_001")
        .doesNotContain("content_002", "content_003", "content_004", "content_005");
  }

  @Test
  void anEventWithoutTsHappenedWhenTheServiceReceivedIt() throws Exception {
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    JsonObject like = event("user_004", "like", "content_012");
    like.remove("ts");

    assertThat(record(like).getInteger("accepted")).isEqualTo(1);

    var stored = await(app.stores.events().history("user_004", 10));
    assertThat(stored).extracting(e -> e.itemId()).containsExactly("content_012");
    assertThat(stored.get(0).ts()).isBetween(before, Instant.now());
  }

  @Test
  void aRetriedBatchIsAppliedOnce() throws Exception {
    JsonObject impression = event("user_003", "impression", "content_010");
    JsonObject like = event("user_003", "like", "content_011");
    JsonObject first = record(impression, like, impression.copy());
    assertThat(first.getInteger("accepted")).isEqualTo(2);
    assertThat(first.getInteger("duplicate")).as("the same event twice in one batch").isEqualTo(1);
    long events = await(app.stores.events().count());
    JsonObject retried = record(impression, like);
    assertThat(retried.getInteger("accepted")).isZero();
    assertThat(retried.getInteger("duplicate")).isEqualTo(2);
    assertThat(await(app.stores.events().count())).isEqualTo(events);
    assertThat(await(app.stores.events().history("user_003", 10)))
        .extracting(e -> e.itemId())
        .containsExactly("content_010", "content_011");
  }

  @Test
  void hiddenItemsNeverReturnOnAnyPage() throws Exception {
    JsonArray before = feed("user_004", 20);
    String content = firstOfType(before, "content");
    String ad = firstOfType(before, "ad");
    record(event("user_004", "hide", content), event("user_004", "hide", ad));

    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      HttpResponse<Buffer> page =
          await(
              client
                  .get(
                      "/v1/feed?user_id=user_004&limit=7"
                          + (cursor == null ? "" : "&cursor=" + cursor))
                  .send());
      assertThat(page.statusCode()).isEqualTo(200);
      JsonObject body = page.bodyAsJsonObject();
      seen.addAll(ids(body.getJsonArray("items")));
      cursor = body.getString("next_cursor");
    } while (cursor != null);
    assertThat(seen).isNotEmpty().doesNotContain(content, ad);
  }

  @Test
  void likingAContentBringsMoreLikeItAndSaysSo() throws Exception {
    JsonArray before = feed("user_005", 100);
    Set<String> likedSimilarBefore = withReason(before, "liked_similar");
    String liked = ids(before).get(before.size() - 1);
    JsonObject recorded = record(event("user_005", "like", liked));
    assertThat(recorded.getInteger("accepted")).isEqualTo(1);
    assertThat(await(app.stores.graph().targets("user_005", EdgeType.LIKES))).contains(liked);

    Set<String> likedSimilarAfter = withReason(feed("user_005", 100), "liked_similar");
    likedSimilarAfter.removeAll(likedSimilarBefore);
    assertThat(likedSimilarAfter).as("contents like the one just liked now say so").isNotEmpty();

    record(event("user_005", "unlike", liked));
    assertThat(await(app.stores.graph().targets("user_005", EdgeType.LIKES))).doesNotContain(liked);
  }

  @Test
  void followingAnAuthorLiftsTheirPostsAndUnfollowingUndoesIt() throws Exception {
    JsonArray before = feed("user_006", 100);
    JsonObject last = before.getJsonObject(before.size() - 1);
    String author = last.getString("author_id");
    assertThat(last.getJsonArray("reasons")).doesNotContain("followed_author");
    record(event("user_006", "follow", author));

    JsonArray after = feed("user_006", 100);
    JsonObject lifted = item(after, last.getString("id"));
    assertThat(lifted.getJsonArray("reasons")).contains("followed_author");
    assertThat(ids(after).indexOf(last.getString("id")))
        .isLessThan(ids(before).indexOf(last.getString("id")));

    record(event("user_006", "unfollow", author));
    assertThat(item(feed("user_006", 100), last.getString("id")).getJsonArray("reasons"))
        .doesNotContain("followed_author");
  }

  @Test
  void contentAlreadyShownMovesDown() throws Exception {
    JsonArray before = feed("user_007", 100);
    String top = ids(before).get(0);
    record(
        event("user_007", "impression", top),
        event("user_007", "impression", top),
        event("user_007", "impression", top));
    JsonArray after = feed("user_007", 100);
    assertThat(ids(after).indexOf(top)).isGreaterThan(0);
    assertThat(item(after, top).getJsonArray("reasons")).doesNotContain("new_for_you");
    assertThat(after.getJsonObject(0).getJsonArray("reasons")).contains("new_for_you");
  }

  @Test
  void anAdStopsAtItsDailyFrequencyCap() throws Exception {
    JsonArray before = feed("user_008", 100);
    List<String> othersFeed = ids(feed("user_009", 100));
    // An ad both users are shown, so the other user's page can show the cap is per user.
    String ad =
        before.stream()
            .map(JsonObject.class::cast)
            .filter(i -> i.getString("type").equals("ad"))
            .map(i -> i.getString("id"))
            .filter(othersFeed::contains)
            .findFirst()
            .orElseThrow();
    JsonObject adItem = item(before, ad);
    assertThat(adItem.getBoolean("sponsored")).isTrue();
    assertThat(adItem.getString("label")).isEqualTo("광고 · Sponsored");
    int cap = app.config.ads().frequencyCapPerDay();
    List<JsonObject> impressions = new ArrayList<>();
    for (int i = 0; i < cap - 1; i++) {
      impressions.add(event("user_008", "impression", ad));
    }
    record(impressions.toArray(JsonObject[]::new));
    assertThat(ids(feed("user_008", 100))).as("under the cap").contains(ad);
    record(event("user_008", "impression", ad));
    assertThat(ids(feed("user_008", 100))).as("at the cap").doesNotContain(ad);
    assertThat(ids(feed("user_009", 100))).as("another user's cap is their own").contains(ad);
  }

  @Test
  void purchasesAndClicksBecomeEdgesAndMoveTheTaste() throws Exception {
    JsonArray before = feed("user_010", 100);
    String ad = firstOfType(before, "ad");
    record(
        event("user_010", "purchase", "prod_042"),
        event("user_010", "click", ad),
        event("user_010", "purchase", ad));
    assertThat(await(app.stores.graph().targets("user_010", EdgeType.PURCHASES)))
        .contains("prod_042", item(before, ad).getString("product_id"));
    assertThat(await(app.stores.graph().targets("user_010", EdgeType.CLICKS))).contains(ad);
    JsonArray after = feed("user_010", 100);
    assertThat(after.stream().map(o -> ((JsonObject) o).getDouble("score")).toList())
        .as("the taste moved, so the scores did")
        .isNotEqualTo(before.stream().map(o -> ((JsonObject) o).getDouble("score")).toList());
  }

  @Test
  void wholeRequestsThatAreNotABatchAreRefused() throws Exception {
    assertError(send(new JsonArray()), "events must hold 1 to 500 events");
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 501; i++) {
      tooMany.add(event("user_011", "impression", "content_001"));
    }
    assertError(send(tooMany), "got 501");
    assertError(send(new JsonObject().put("events", "many")), "body must be");
    HttpResponse<Buffer> notJson =
        await(
            client
                .post("/v1/events")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("{\"events\": [")));
    assertThat(notJson.statusCode()).isEqualTo(400);
    HttpResponse<Buffer> text =
        await(
            client
                .post("/v1/events")
                .putHeader("Content-Type", "text/plain")
                .sendBuffer(Buffer.buffer("[]")));
    assertThat(text.statusCode()).isEqualTo(415);
    assertThat(await(app.stores.events().history("user_011", 10))).isEmpty();
  }

  private static void assertError(HttpResponse<Buffer> response, String message) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("bad_request");
    assertThat(error.getString("message")).contains(message);
  }
}
