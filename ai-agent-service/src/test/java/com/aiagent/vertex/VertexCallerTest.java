package com.aiagent.vertex;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.vertex.FakeVertexServer.Behavior;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.types.EmbedContentConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One {@link VertexCaller} against the fake Vertex AI server, without the rest of the service. */
class VertexCallerTest {
  private static final String TOKEN = "test-token";

  private Vertx vertx;
  private FakeVertexServer fake;

  /** Records, on every token check the SDK makes, whether it ran on an event loop. */
  private static final class WatchedCredentials extends GoogleCredentials {
    final List<Boolean> onEventLoop = new CopyOnWriteArrayList<>();

    WatchedCredentials() {
      super(new AccessToken(TOKEN, null));
    }

    @Override
    public void refreshIfExpired() throws IOException {
      onEventLoop.add(Context.isOnEventLoopThread());
      super.refreshIfExpired();
    }
  }

  @BeforeEach
  void startFake() throws Exception {
    vertx = Vertx.vertx();
    fake = await(FakeVertexServer.start(vertx, 0));
    fake.expectToken(TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    await(fake.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
  }

  private AppConfig config(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("GCP_PROJECT_ID", "test-project");
    env.put("VERTEX_AI_BASE_URL", fake.baseUrl());
    env.put("VERTEX_AI_ACCESS_TOKEN", TOKEN);
    env.put("VERTEX_AI_RETRY_ATTEMPTS", "1");
    env.putAll(extra);
    return ConfigLoader.load(env);
  }

  /** One embedding call, made from an event loop as a verticle would make it. */
  private Future<Void> embedFromEventLoop(VertexCaller caller) {
    Promise<Void> done = Promise.promise();
    Context loop = vertx.getOrCreateContext();
    loop.runOnContext(
        v ->
            caller
                .call(
                    client ->
                        client.async.models.embedContent(
                            caller.model(),
                            List.of("패션"),
                            EmbedContentConfig.builder().outputDimensionality(768).build()))
                .<Void>mapEmpty()
                .onComplete(done));
    return done.future();
  }

  @Test
  void theSdkIsNeverCalledOnAnEventLoop() throws Exception {
    WatchedCredentials credentials = new WatchedCredentials();
    VertexCaller caller =
        VertexCaller.create(vertx, config(Map.of()), VertexUse.EMBEDDING, credentials);
    try {
      await(embedFromEventLoop(caller));
      await(embedFromEventLoop(caller));
    } finally {
      caller.close();
    }
    assertThat(credentials.onEventLoop).isNotEmpty().containsOnly(false);
  }

  @Test
  void fiveSlowCallsInARowOpenTheBreakerAtLowTraffic() throws Exception {
    // Calls of 3 s each: five failures span 12 s and more, past the breaker's old fixed 10 s
    // window.
    AppConfig config =
        config(
            Map.of(
                "VERTEX_AI_EMBEDDING_TIMEOUT_MS", "3000",
                "VERTEX_AI_BREAKER_MAX_FAILURES", "5",
                "VERTEX_AI_BREAKER_WINDOW_MS", "1000",
                "VERTEX_AI_BREAKER_RESET_MS", "600000"));
    fake.slowMillis(20_000);
    fake.behave("predict", Behavior.SLOW);
    VertexCaller caller =
        VertexCaller.create(
            vertx,
            config,
            VertexUse.EMBEDDING,
            GoogleCredentials.create(new AccessToken(TOKEN, null)));
    try {
      for (int i = 0; i < 5; i++) {
        assertThat(caller.breakerState()).as("before call %d", i + 1).isEqualTo("CLOSED");
        Throwable failure =
            embedFromEventLoop(caller)
                .toCompletionStage()
                .toCompletableFuture()
                .handle((ok, error) -> error)
                .get(30, TimeUnit.SECONDS);
        assertThat(failure).as("call %d timed out", i + 1).isNotNull();
      }
      assertThat(caller.breakerState()).isEqualTo("OPEN");
    } finally {
      caller.close();
    }
  }

  @Test
  void theFailureWindowHoldsMaxFailuresTimedOutCalls() {
    assertThat(VertexCaller.failureWindowMs(60_000, 3, 2_000)).isEqualTo(60_000);
    assertThat(VertexCaller.failureWindowMs(60_000, 5, 15_000)).isEqualTo(155_000);
  }
}
