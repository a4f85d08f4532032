package com.aiagent.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import com.aiagent.feed.FeedAddresses;
import com.aiagent.feed.FeedClient;
import com.aiagent.feed.FeedPage;
import com.aiagent.feed.FeedRequest;
import com.aiagent.generation.GenerateFeedRequest;
import com.aiagent.generation.GeneratedPost;
import com.aiagent.generation.GenerationAddresses;
import com.aiagent.generation.GenerationClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The contract other verticles integrate with: a verticle of its own, deployed beside the service,
 * asks for a feed and a generated post over the bus (no HTTP) and gets what HTTP clients get.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusContractTest {
  private final TestApp app = TestApp.create();
  private WebClient http;
  private Vertx vertx;

  /** A partner module: it knows only the public clients and addresses. */
  static final class PartnerVerticle extends VerticleBase {
    FeedClient feed;
    GenerationClient generation;

    @Override
    public Future<?> start() {
      feed = new FeedClient(vertx, 5_000);
      generation = new GenerationClient(vertx, 20_000);
      return Future.succeededFuture();
    }
  }

  private final PartnerVerticle partner = new PartnerVerticle();

  @BeforeAll
  void start(Vertx vertx, VertxTestContext ctx) {
    this.vertx = vertx;
    http =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(app.port()));
    app.start(vertx)
        .compose(v -> vertx.deployVerticle(partner))
        .onComplete(ctx.succeedingThenComplete());
  }

  @AfterAll
  void stop(VertxTestContext ctx) {
    app.stop().onComplete(ctx.succeedingThenComplete());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void feedOverTheBusIsTheFeedOverHttp() throws Exception {
    FeedPage page = await(partner.feed.get(new FeedRequest("user_004", 10, null)));
    JsonObject overHttp =
        await(http.get("/v1/feed?user_id=user_004&limit=10").send()).bodyAsJsonObject();
    assertThat(BusJson.toJsonObject(page).getJsonArray("items"))
        .isEqualTo(overHttp.getJsonArray("items"));

    JsonObject nextOverHttp =
        await(http.get("/v1/feed?user_id=user_004&limit=10&cursor=" + page.nextCursor()).send())
            .bodyAsJsonObject();
    FeedPage next = await(partner.feed.get(new FeedRequest("user_004", 10, page.nextCursor())));
    assertThat(BusJson.toJsonObject(next)).isEqualTo(nextOverHttp);
  }

  @Test
  void generatedPostOverTheBusIsTheOneHttpServes() throws Exception {
    String origin = "http://localhost:" + app.port();
    GeneratedPost post =
        await(
            partner.generation.generateFeed(
                new GenerateFeedRequest("user_001", "오늘 기분 좋은 패션 아이템 추천해줘", true, origin)));
    assertThat(post.generatedImageUrl()).startsWith(origin + "/v1/media/");
    JsonObject overHttp = await(http.get("/v1/ai/feeds/" + post.id()).send()).bodyAsJsonObject();
    assertThat(BusJson.toJsonObject(post)).isEqualTo(overHttp);
  }

  @Test
  void plainJsonPeersGetJsonAnswers() throws Exception {
    Object reply =
        await(
                vertx
                    .eventBus()
                    .request(
                        FeedAddresses.GET,
                        new JsonObject().put("user_id", "user_005").put("limit", 5)))
            .body();
    assertThat(reply).isInstanceOf(JsonObject.class);
    JsonObject overHttp =
        await(http.get("/v1/feed?user_id=user_005&limit=5").send()).bodyAsJsonObject();
    assertThat(((JsonObject) reply).getJsonArray("items"))
        .isEqualTo(overHttp.getJsonArray("items"));
  }

  @Test
  void plainJsonGenerateFeedPublishesOnlyWhenItSaysSo() throws Exception {
    JsonObject ask = new JsonObject().put("user_id", "user_002").put("prompt", "가방 추천해줘");
    JsonObject kept =
        (JsonObject)
            await(vertx.eventBus().request(GenerationAddresses.GENERATE_FEED, ask.copy())).body();
    JsonObject published =
        (JsonObject)
            await(
                    vertx
                        .eventBus()
                        .request(
                            GenerationAddresses.GENERATE_FEED, ask.copy().put("publish", true)))
                .body();
    assertThat(kept.getBoolean("published")).as("absent: not published").isFalse();
    assertThat(published.getBoolean("published")).isTrue();
  }

  @Test
  void failuresCarryTheSharedCodes() throws Exception {
    Throwable unknownUser =
        partner
            .feed
            .get(new FeedRequest("user_404", null, null))
            .toCompletionStage()
            .toCompletableFuture()
            .handle((ok, error) -> error.getCause() != null ? error.getCause() : error)
            .get(10, TimeUnit.SECONDS);
    assertThat(unknownUser).isInstanceOf(ServiceFailure.class);
    assertThat(((ServiceFailure) unknownUser).code()).isEqualTo(ErrorCode.NOT_FOUND);

    Throwable emptyPrompt =
        vertx
            .eventBus()
            .request(
                GenerationAddresses.GENERATE_FEED,
                new JsonObject().put("user_id", "user_001").put("prompt", ""),
                new DeliveryOptions())
            .toCompletionStage()
            .toCompletableFuture()
            .handle((ok, error) -> error.getCause() != null ? error.getCause() : error)
            .get(10, TimeUnit.SECONDS);
    assertThat(emptyPrompt).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) emptyPrompt).failureCode())
        .isEqualTo(ErrorCode.BAD_REQUEST.busCode());
  }
}
