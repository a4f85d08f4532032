package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.vertex.FakeVertexServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Another team's verticle in a JVM of its own, with only ai-agent-api, vertx-hazelcast and their
 * dependencies on its class path (ai-agent-api's ForeignCaller), joins the service's cluster over
 * TCP/IP on loopback and calls the feed, events and generation modules over the bus: it gets what
 * HTTP gives. A client of another contract version fails at once and clearly; a member that leaves
 * mid-request fails its caller at the send timeout, never hangs it.
 */
@Tag("services")
class ClusteredBusTest {
  private static final Path API = Path.of("ai-agent-api", "target");

  /** One clustered service member and the foreign process of {@code mode} beside it. */
  private static final class Cluster implements AutoCloseable {
    final Vertx vertx;
    final TestApp app;
    final Process foreign;
    final BlockingQueue<JsonObject> lines = new LinkedBlockingQueue<>();

    Cluster(String mode, Map<String, String> env) throws Exception {
      String name = "ai-agent-test-" + UUID.randomUUID();
      int servicePort = TestApp.freePort();
      int foreignPort = TestApp.freePort();
      String members = "127.0.0.1:" + servicePort + ",127.0.0.1:" + foreignPort;
      Map<String, String> all = new HashMap<>(env);
      all.put("CLUSTER_JOIN_WAIT_SECONDS", "0");
      all.putAll(
          Map.of(
              "CLUSTER",
              "true",
              "CLUSTER_NAME",
              name,
              "CLUSTER_PORT",
              String.valueOf(servicePort),
              "CLUSTER_MEMBERS",
              members,
              "HEALTH_DETAILS",
              "true"));
      app = TestApp.create(all);
      vertx = await(ClusteredVertx.build(new VertxOptions(), app.config.cluster()));
      await(app.start(vertx));
      assertThat(API.resolve("foreign-classpath.txt"))
          .as("the api module is built in the same run (run the build from the repository root)")
          .exists();
      String classPath =
          API.resolve("classes")
              + java.io.File.pathSeparator
              + API.resolve("test-classes")
              + java.io.File.pathSeparator
              + Files.readString(API.resolve("foreign-classpath.txt")).trim();
      foreign =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  classPath,
                  "com.aiagent.foreign.ForeignCaller",
                  mode,
                  name,
                  String.valueOf(foreignPort),
                  members,
                  "user_001")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(foreign.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("{")) {
                      lines.add(new JsonObject(line));
                    }
                  }
                } catch (Exception e) {
                  lines.add(new JsonObject().put("reader_failed", e.toString()));
                }
              },
              "foreign-stdout");
      reader.setDaemon(true);
      reader.start();
    }

    /** The next line the foreign process printed. */
    JsonObject next() throws InterruptedException {
      JsonObject line = lines.poll(60, TimeUnit.SECONDS);
      assertThat(line).as("the foreign process answers").isNotNull();
      return line;
    }

    void tell(String line) throws java.io.IOException {
      OutputStream stdin = foreign.getOutputStream();
      stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }

    void stopService() throws Exception {
      await(app.stop().eventually(vertx::close));
    }

    @Override
    public void close() throws Exception {
      try (OutputStream stdin = foreign.getOutputStream()) {
        stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
      } catch (java.io.IOException gone) {
        // It has left already.
      }
      if (!foreign.waitFor(20, TimeUnit.SECONDS)) {
        foreign.destroyForcibly();
      }
      stopService();
    }
  }

  @Test
  void anotherTeamsVerticleGetsOverTheBusWhatHttpGives() throws Exception {
    try (Cluster cluster = new Cluster("calls", Map.of())) {
      JsonArray busFeed = cluster.next().getJsonArray("feed");
      assertThat(busFeed).isNotNull().isNotEmpty();
      WebClient http = WebClient.create(cluster.vertx);
      JsonObject httpFeed =
          await(
                  http.get(cluster.app.port(), "127.0.0.1", "/v1/feed?user_id=user_001&limit=10")
                      .send())
              .bodyAsJsonObject();
      assertThat(
              httpFeed.getJsonArray("items").stream()
                  .map(item -> ((JsonObject) item).getString("id"))
                  .toList())
          .isEqualTo(busFeed.getList());
      cluster.tell("go");

      assertThat(cluster.next().getInteger("events")).isEqualTo(1);
      JsonObject post = cluster.next().getJsonObject("post");
      assertThat(post).as("a post written for the foreign caller").isNotNull();
      assertThat(post.getString("user_id")).isEqualTo("user_001");
      assertThat(post.getJsonArray("products")).isNotEmpty();
      JsonObject stored =
          await(
                  http.get(cluster.app.port(), "127.0.0.1", "/v1/ai/feeds/" + post.getString("id"))
                      .send())
              .bodyAsJsonObject();
      assertThat(stored.getString("title")).isEqualTo(post.getString("title"));
      assertThat(cluster.next().getBoolean("done")).isTrue();

      JsonObject health =
          await(http.get(cluster.app.port(), "127.0.0.1", "/health").send()).bodyAsJsonObject();
      assertThat(health.getJsonObject("cluster").getInteger("members")).isEqualTo(2);
      assertThat(health.getJsonObject("cluster").getString("node")).isNotBlank();
    }
  }

  @Test
  void aClientOfAnotherContractVersionFailsAtOnceAndSaysWhy() throws Exception {
    try (Cluster cluster = new Cluster("old-contract", Map.of())) {
      JsonObject answer = cluster.next();
      assertThat(answer.getString("failed"))
          .contains(
              "No message codec registered with name ai-agent/v0/com.aiagent.feed.FeedRequest");
      assertThat(cluster.next().getBoolean("done")).isTrue();
    }
  }

  @Test
  void aMemberLeavingMidRequestFailsItsCallerByTheSendTimeout() throws Exception {
    Vertx local = Vertx.vertx();
    FakeVertexServer writer = await(FakeVertexServer.start(local, 0));
    try {
      writer.behave("generateContent", FakeVertexServer.Behavior.SLOW);
      writer.slowMillis(30_000);
      Map<String, String> env =
          Map.of(
              "LLM_PROVIDER", "vertex",
              "GCP_PROJECT_ID", "test-project",
              "GCP_REGION", "us-central1",
              "VERTEX_AI_BASE_URL", writer.baseUrl(),
              "VERTEX_AI_ACCESS_TOKEN", "fake-token");
      Cluster cluster = new Cluster("slow", env);
      boolean stopped = false;
      try {
        assertThat(cluster.next().getBoolean("sent")).isTrue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (writer.requests().stream().noneMatch(r -> "generateContent".equals(r.method()))) {
          assertThat(System.nanoTime()).as("the post is being written").isLessThan(deadline);
          Thread.sleep(20);
        }
        cluster.stopService();
        stopped = true;
        assertThat(cluster.lines).as("no answer came before the member left").isEmpty();
        JsonObject answer = cluster.next();
        assertThat(answer.getBoolean("ok")).isFalse();
        assertThat(answer.getString("failed")).contains("did not answer in time");
        assertThat(answer.getLong("ms")).as("failed by the 4 s send timeout").isLessThan(5_500L);
      } finally {
        if (!stopped) {
          cluster.stopService();
        }
        try (OutputStream stdin = cluster.foreign.getOutputStream()) {
          stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException gone) {
          // It has left already.
        }
        if (!cluster.foreign.waitFor(20, TimeUnit.SECONDS)) {
          cluster.foreign.destroyForcibly();
        }
      }
    } finally {
      await(writer.close());
      await(local.close());
    }
  }

  /**
   * Two service members on one database, one running every module but media and one running only
   * media (a picture worker pool): a post asked of the first gets its picture drawn on the second,
   * and the first serves it and reports media as up, all over the bus.
   */
  @Test
  void aMemberRunningOnlyMediaDrawsThePicturesOfTheOthers() throws Exception {
    try (PgTestDatabase db = new PgTestDatabase()) {
      String name = "ai-agent-test-" + UUID.randomUUID();
      int portA = TestApp.freePort();
      int portB = TestApp.freePort();
      Map<String, String> common = new HashMap<>(db.env());
      common.put("CLUSTER_JOIN_WAIT_SECONDS", "0");
      common.putAll(
          Map.of(
              "CLUSTER", "true",
              "CLUSTER_NAME", name,
              "CLUSTER_MEMBERS", "127.0.0.1:" + portA + ",127.0.0.1:" + portB,
              "MEDIA_STORE", "postgres",
              "HEALTH_DETAILS", "true"));
      Map<String, String> envA = new HashMap<>(common);
      envA.put("CLUSTER_PORT", String.valueOf(portA));
      envA.put("MODULES", "http,feed,events,generation,embedding,llm");
      Map<String, String> envB = new HashMap<>(common);
      envB.put("CLUSTER_PORT", String.valueOf(portB));
      envB.put("MODULES", "media");
      TestApp a = TestApp.create(envA);
      TestApp b = TestApp.create(envB);
      // The full member first: it seeds, which needs the embedding module the other lacks.
      Vertx vertxA = await(ClusteredVertx.build(new VertxOptions(), a.config.cluster()));
      await(a.start(vertxA));
      Vertx vertxB = await(ClusteredVertx.build(new VertxOptions(), b.config.cluster()));
      boolean bStopped = false;
      try {
        await(b.start(vertxB));
        WebClient http = WebClient.create(vertxA);
        JsonObject post =
            await(
                    http.post(a.port(), "127.0.0.1", "/v1/ai/generate-feed")
                        .sendJsonObject(
                            new JsonObject()
                                .put("user_id", "user_001")
                                .put("prompt", "오늘 기분 좋은 패션 아이템 추천해줘")))
                .bodyAsJsonObject();
        assertThat(post.getString("image_status")).as(post.encode()).isEqualTo("generated");
        String url = post.getString("generated_image_url");
        var picture =
            await(http.get(a.port(), "127.0.0.1", url.substring(url.indexOf("/v1/media/"))).send());
        assertThat(picture.statusCode()).isEqualTo(200);
        assertThat(picture.getHeader("Content-Type")).isEqualTo("image/webp");
        JsonObject health =
            await(http.get(a.port(), "127.0.0.1", "/health").send()).bodyAsJsonObject();
        assertThat(health.getJsonObject("checks").getJsonObject("media").getString("status"))
            .isEqualTo("UP");
        assertThat(health.getJsonObject("cluster").getInteger("members")).isEqualTo(2);

        // The pictures were the media member's: without it, a post comes without one.
        await(b.stop().eventually(vertxB::close));
        bStopped = true;
        JsonObject without =
            await(
                    http.post(a.port(), "127.0.0.1", "/v1/ai/generate-feed")
                        .sendJsonObject(
                            new JsonObject().put("user_id", "user_002").put("prompt", "가을 코트")))
                .bodyAsJsonObject();
        assertThat(without.getString("image_status"))
            .as(without.encode())
            .isNotEqualTo("generated");
      } finally {
        await(a.stop().eventually(vertxA::close));
        if (!bStopped) {
          await(b.stop().eventually(vertxB::close));
        }
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
  }
}
