package com.aiagent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import com.aiagent.bus.BusEndpoint;
import com.aiagent.config.ConfigLoader;
import com.aiagent.feed.FeedAddresses;
import com.aiagent.feed.FeedClient;
import com.aiagent.feed.FeedItem;
import com.aiagent.feed.FeedPage;
import com.aiagent.feed.FeedRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP verticle alone, its modules faked as consumers on their bus addresses: a failure after a
 * module answered still ends the response with the JSON error, never a hung connection.
 */
class HttpFailureAnswersTest {
  private Vertx vertx = Vertx.vertx();
  private WebClient client;
  private int port;

  @BeforeEach
  void start() throws Exception {
    start(Map.of());
  }

  private void start(Map<String, String> env) throws Exception {
    port = TestApp.freePort();
    Map<String, String> all = new java.util.HashMap<>(env);
    all.put("PORT", String.valueOf(port));
    all.put("HTTP_INSTANCES", "1");
    await(vertx.deployVerticle(new HttpVerticle(ConfigLoader.load(all))));
    FeedClient.registerCodecs(vertx);
    client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("localhost")
                .setDefaultPort(port)
                .setIdleTimeout(10)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
  }

  @AfterEach
  void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void anAnswerThatCannotBeWrittenEndsAsJson500() throws Exception {
    List<FeedItem> unwritable =
        new AbstractList<>() {
          @Override
          public FeedItem get(int index) {
            throw new IllegalStateException("cannot encode");
          }

          @Override
          public int size() {
            return 1;
          }
        };
    BusEndpoint.serve(
        vertx,
        FeedAddresses.GET,
        FeedRequest.class,
        request -> Future.succeededFuture(new FeedPage(request.userId(), unwritable, null)));

    HttpResponse<Buffer> response = await(client.get("/v1/feed?user_id=user_001").send());

    assertThat(response.statusCode()).isEqualTo(500);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo("internal");
    assertThat(error.getString("message")).doesNotContain("cannot encode");
  }

  @Test
  void healthShowsStatusOnlyWhenDetailsAreOff() throws Exception {
    vertx.deploymentIDs().forEach(vertx::undeploy);
    start(Map.of("HEALTH_DETAILS", "false"));
    BusEndpoint.serveHealth(
        vertx,
        FeedAddresses.HEALTH,
        () ->
            Future.succeededFuture(
                com.aiagent.bus.HealthStatus.up(true, Map.of("media_dir", "/srv/secret/media"))));

    HttpResponse<Buffer> response = await(client.get("/health").send());

    assertThat(response.bodyAsString()).doesNotContain("/srv/secret/media");
    JsonObject feed = response.bodyAsJsonObject().getJsonObject("checks").getJsonObject("feed");
    assertThat(feed.getString("status")).isEqualTo("UP");
    assertThat(feed.fieldNames()).containsExactlyInAnyOrder("status", "required");
  }

  @Test
  void healthAnswersWhenAModuleFailsWithoutAMessage() throws Exception {
    vertx.eventBus().consumer(FeedAddresses.HEALTH, m -> m.fail(500, null));

    HttpResponse<Buffer> response = await(client.get("/health").send());

    assertThat(response.statusCode()).isEqualTo(503);
    JsonObject feed = response.bodyAsJsonObject().getJsonObject("checks").getJsonObject("feed");
    assertThat(feed.getString("status")).isEqualTo("DOWN");
  }

  @Test
  void answersWhileDrainingTellClientsToCloseTheConnection() throws Exception {
    BusEndpoint.serve(
        vertx,
        FeedAddresses.GET,
        FeedRequest.class,
        request -> {
          io.vertx.core.Promise<FeedPage> later = io.vertx.core.Promise.promise();
          vertx.setTimer(500, t -> later.complete(new FeedPage(request.userId(), List.of(), null)));
          return later.future();
        });
    HttpResponse<Buffer> before = await(client.get("/v1/feed?user_id=user_001").send());
    assertThat(before.getHeader("Connection")).isNull();

    Future<HttpResponse<Buffer>> inFlight = client.get("/v1/feed?user_id=user_001").send();
    vertx.setTimer(100, t -> vertx.deploymentIDs().forEach(vertx::undeploy));

    HttpResponse<Buffer> during = await(inFlight);
    assertThat(during.statusCode()).isEqualTo(200);
    assertThat(during.getHeader("Connection")).isEqualTo("close");
  }

  @Test
  void aJsonArrayBodyIsCalledAnArrayNotInvalidJson() throws Exception {
    HttpResponse<Buffer> response =
        await(
            client
                .post("/v1/ai/generate-feed")
                .putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer("[{\"user_id\": \"user_001\"}]")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getJsonObject("error").getString("message"))
        .isEqualTo("body must be a JSON object with user_id and prompt, not an array");
  }

  @Test
  void mediaTypesCompareWithoutCaseAndWildcardsAreRefused() throws Exception {
    for (String type : List.of("APPLICATION/JSON", "application/json; charset=UTF-8")) {
      HttpResponse<Buffer> accepted = postEvents(type);
      assertThat(accepted.statusCode()).as(type).isEqualTo(400);
      assertThat(accepted.bodyAsJsonObject().getJsonObject("error").getString("code"))
          .isEqualTo("bad_request");
    }
    for (String type : List.of("*/*", "json", "text/plain")) {
      HttpResponse<Buffer> refused = postEvents(type);
      assertThat(refused.statusCode()).as(type).isEqualTo(415);
      assertThat(refused.bodyAsJsonObject().getJsonObject("error").getString("code"))
          .isEqualTo("unsupported_media_type");
    }
  }

  /** An empty batch: a 400 once the body is read, a 415 before that. */
  private HttpResponse<Buffer> postEvents(String contentType) throws Exception {
    return await(
        client
            .post("/v1/events")
            .putHeader("Content-Type", contentType)
            .sendBuffer(Buffer.buffer("{\"events\": []}")));
  }

  @Test
  void anIdleConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    vertx.deploymentIDs().forEach(vertx::undeploy);
    // 31 s is the least the config allows above the 30 s generation timeout.
    start(Map.of("HTTP_IDLE_TIMEOUT_SECONDS", "31"));
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(40_000);
      long started = System.nanoTime();
      assertThat(socket.getInputStream().read())
          .as("closed by the server, nothing sent")
          .isEqualTo(-1);
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
          .as("not before the idle timeout")
          .isGreaterThanOrEqualTo(30L);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
  }

  @Test
  void aRequestStillWaitingWhenTheDrainEndsIsAnswered503InsideTheGracePeriod() throws Exception {
    await(vertx.close());
    vertx = Vertx.vertx();
    port = TestApp.freePort();
    Map<String, String> env =
        Map.of(
            "PORT", String.valueOf(port),
            "HTTP_INSTANCES", "1",
            "DRAIN_ANSWER_MS", "300",
            "SHUTDOWN_GRACE_MS", "2000");
    String deployment = await(vertx.deployVerticle(new HttpVerticle(ConfigLoader.load(env))));
    // A feed module that never answers, like a model call slower than the drain.
    vertx.eventBus().consumer(FeedAddresses.GET, message -> {});
    client =
        WebClient.create(
            vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
    Future<HttpResponse<Buffer>> waiting = client.get("/v1/feed?user_id=user_001").send();
    Thread.sleep(200);
    long stopping = System.nanoTime();
    Future<Void> undeployed = vertx.undeploy(deployment);
    HttpResponse<Buffer> answer = await(waiting);
    long tookMs = (System.nanoTime() - stopping) / 1_000_000;
    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.getHeader("Retry-After")).isEqualTo("1");
    assertThat(answer.getHeader("Connection")).isEqualTo("close");
    assertThat(answer.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("unavailable");
    assertThat(tookMs).as("answered at the drain, before the 2 s grace ends").isLessThan(2000);
    await(undeployed);
  }
}
