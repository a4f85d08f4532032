package com.aiagent.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.PgTestDatabase;
import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one PostgreSQL and one Redis, as Cloud Run runs them: an event
 * taken by one changes the next feed served by the other within a second, and the ad rules (daily
 * budget, frequency cap) hold across both.
 */
@Tag("services")
class TwoInstancesTest {
  private final PgTestDatabase db = new PgTestDatabase();
  private final Vertx vertxA = Vertx.vertx();
  private final Vertx vertxB = Vertx.vertx();
  private TestApp a;
  private TestApp b;
  private WebClient httpA;
  private WebClient httpB;

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private void start(Map<String, String> extra) throws Exception {
    Map<String, String> env = new HashMap<>(db.env());
    env.put(
        "REDIS_URL",
        "redis://"
            + System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1")
            + ":"
            + System.getenv().getOrDefault("REDIS_PORT", "6379"));
    env.put("REDIS_KEY_PREFIX", "two-instances-" + UUID.randomUUID() + ":");
    // Long enough that only an invalidation, never an expiry, can explain a changed page.
    env.put("FEED_CACHE_TTL_MS", "600000");
    env.putAll(extra);
    a = TestApp.create(env);
    await(a.start(vertxA));
    b = TestApp.create(env);
    await(b.start(vertxB));
    httpA = WebClient.create(vertxA);
    httpB = WebClient.create(vertxB);
  }

  @AfterEach
  void stop() throws Exception {
    for (TestApp app : new TestApp[] {a, b}) {
      if (app != null) {
        await(app.stop());
      }
    }
    await(Future.join(vertxA.close(), vertxB.close()));
    db.close();
  }

  private JsonArray feed(WebClient http, TestApp app, String user) throws Exception {
    HttpResponse<Buffer> response =
        await(http.get(app.port(), "localhost", "/v1/feed?user_id=" + user + "&limit=100").send());
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getJsonArray("items");
  }

  private void record(WebClient http, TestApp app, JsonObject... events) throws Exception {
    HttpResponse<Buffer> response =
        await(
            http.post(app.port(), "localhost", "/v1/events")
                .putHeader("Content-Type", "application/json")
                .sendJsonObject(new JsonObject().put("events", new JsonArray(List.of(events)))));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(202);
    assertThat(response.bodyAsJsonObject().getInteger("accepted")).isEqualTo(events.length);
  }

  private static List<String> ids(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }

  private static List<String> ads(JsonArray items) {
    return items.stream()
        .map(JsonObject.class::cast)
        .filter(i -> "ad".equals(i.getString("type")))
        .map(i -> i.getString("id"))
        .toList();
  }

  /** Polls {@code page} until {@code test} holds, for at most a second. */
  private JsonArray within1s(ThrowingSupplier page, Predicate<JsonArray> test) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(1));
    JsonArray last = page.get();
    while (!test.test(last) && Instant.now().isBefore(deadline)) {
      last = page.get();
    }
    return last;
  }

  private interface ThrowingSupplier {
    JsonArray get() throws Exception;
  }

  @Test
  void anEventOnOneInstanceChangesTheNextFeedOnTheOtherWithinASecond() throws Exception {
    start(Map.of());
    JsonArray before = feed(httpB, b, "user_001");
    JsonObject last = before.getJsonObject(before.size() - 1);
    String author = last.getString("author_id");
    assertThat(last.getJsonArray("reasons")).doesNotContain("followed_author");
    assertThat(feed(httpB, b, "user_001")).as("B serves its cached ranking").isEqualTo(before);

    record(httpA, a, EventsApiTest.event("user_001", "follow", author));
    JsonArray after =
        within1s(
            () -> feed(httpB, b, "user_001"),
            items ->
                items.stream()
                    .map(JsonObject.class::cast)
                    .anyMatch(
                        i ->
                            author.equals(i.getString("author_id"))
                                && i.getJsonArray("reasons").contains("followed_author")));
    assertThat(after.stream().map(JsonObject.class::cast))
        .anyMatch(i -> i.getJsonArray("reasons").contains("followed_author"));

    String hidden = ids(after).get(0);
    record(httpA, a, EventsApiTest.event("user_001", "hide", hidden));
    assertThat(ids(within1s(() -> feed(httpB, b, "user_001"), i -> !ids(i).contains(hidden))))
        .doesNotContain(hidden);
  }

  @Test
  void aSpentDailyBudgetStopsTheCampaignForItsViewerOnEveryInstance() throws Exception {
    // Any one impression costs more than this budget (bids are 0.5 and up per thousand).
    start(Map.of("ADS_DEFAULT_DAILY_BUDGET", "0.0001"));
    String ad = ads(feed(httpA, a, "user_002")).get(0);
    assertThat(ads(feed(httpB, b, "user_002"))).contains(ad);

    record(httpA, a, EventsApiTest.event("user_002", "impression", ad));
    // The invalidation follows the event's answer over the bus, so the page is asked again briefly.
    assertThat(ads(within1s(() -> feed(httpA, a, "user_002"), i -> !ads(i).contains(ad))))
        .as("on the instance that charged it")
        .doesNotContain(ad);
    assertThat(ads(within1s(() -> feed(httpB, b, "user_002"), i -> !ads(i).contains(ad))))
        .as("on the other instance, by invalidation (the cache lives 600 s here)")
        .doesNotContain(ad);
    assertThat(db.count("SELECT impressions FROM ad_delivery WHERE campaign_id = $1", ad))
        .isEqualTo(1);
  }

  /**
   * Other users' cached rankings are not invalidated when a campaign's budget runs out (that would
   * drop every cached feed of the service once per spent campaign): they stop showing it when their
   * ranking expires, within FEED_CACHE_TTL_MS (5 s by default, 1.5 s here).
   */
  @Test
  void otherReadersStopSeeingASpentCampaignWithinTheCacheLifetime() throws Exception {
    start(Map.of("ADS_DEFAULT_DAILY_BUDGET", "0.0001", "FEED_CACHE_TTL_MS", "1500"));
    String ad = ads(feed(httpA, a, "user_002")).get(0);
    List<String> readersOfB =
        List.of("user_001", "user_003", "user_004", "user_005").stream()
            .filter(
                u -> {
                  try {
                    return ads(feed(httpB, b, u)).contains(ad);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList();
    assertThat(readersOfB).as("another user is shown the same campaign").isNotEmpty();
    record(httpA, a, EventsApiTest.event("user_002", "impression", ad));
    Thread.sleep(1600);
    for (String user : readersOfB) {
      assertThat(ads(within1s(() -> feed(httpB, b, user), i -> !ads(i).contains(ad))))
          .as("%s on the other instance, once its ranking expired", user)
          .doesNotContain(ad);
    }
  }

  @Test
  void theFrequencyCapCountsImpressionsFromEveryInstance() throws Exception {
    start(Map.of("ADS_FREQUENCY_CAP_PER_DAY", "2"));
    String ad = ads(feed(httpA, a, "user_003")).get(0);
    record(httpA, a, EventsApiTest.event("user_003", "impression", ad));
    assertThat(ads(feed(httpB, b, "user_003"))).as("one of two").contains(ad);
    record(httpB, b, EventsApiTest.event("user_003", "impression", ad));
    assertThat(ads(within1s(() -> feed(httpA, a, "user_003"), i -> !ads(i).contains(ad))))
        .as("two of two, counted on both instances")
        .doesNotContain(ad);
    assertThat(ads(feed(httpB, b, "user_003"))).doesNotContain(ad);
    assertThat(
            db.count(
                "SELECT impressions FROM ad_frequency WHERE user_id = 'user_003' AND campaign_id = $1",
                ad))
        .isEqualTo(2);
  }
}
