package com.aiagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.vertex.FakeVertexServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar exactly as the Dockerfile's ENTRYPOINT does (with its JAVA_TOOL_OPTIONS
 * and PORT from the environment), sends SIGTERM while requests are in flight, and checks that they
 * complete and the process ends within Cloud Run's 8 s budget, logging JSON lines for Cloud
 * Logging.
 */
class DockerEntrypointIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "entrypoint-test-token";
  private final Vertx vertx = Vertx.vertx();
  private FakeVertexServer fake;

  @BeforeEach
  void startFake() throws Exception {
    fake =
        FakeVertexServer.start(vertx, 0)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    fake.expectToken(TOKEN);
    fake.behave("generateContent", FakeVertexServer.Behavior.SLOW);
  }

  @AfterEach
  void stopFake() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  void theImagesEntrypointServesOnPortAndDrainsOnSigterm() throws Exception {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    List<String> entrypoint = entrypoint(dockerfile);
    assertThat(entrypoint).containsExactly("java", "-jar", "/app/ai-agent.jar");
    List<String> command = new ArrayList<>(entrypoint);
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.set(2, Path.of("target", "ai-agent.jar").toAbsolutePath().toString());

    int port = freePort();
    Path log = Files.createTempFile("entrypoint", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("APP_ENV");
    builder.environment().put("PORT", String.valueOf(port));
    builder
        .environment()
        .put("MEDIA_DIR", Files.createTempDirectory("entrypoint-media").toString());
    // The writer is Vertex AI's (a local fake taking 1.5 s a post), so the requests below are
    // still in flight, deterministically, when SIGTERM arrives.
    builder.environment().putAll(vertexWriter());
    fake.slowMillis(1500);
    builder.environment().put("JAVA_TOOL_OPTIONS", javaToolOptions(dockerfile));
    builder.environment().put("LOG_FORMAT", "json");
    Process process = builder.start();
    try {
      waitForHealth(port, process);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        inFlight.add(
            http.sendAsync(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/ai/generate-feed"))
                    .header("Content-Type", "application/json")
                    .header("X-Cloud-Trace-Context", "0af7651916cd43dd8448eb211c80319c/1;o=1")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"user_id\":\"user_00" + (i + 1) + "\",\"prompt\":\"여행 준비물\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      awaitWriterCalls(6);
      long stopAt = System.nanoTime();
      process.destroy();
      for (CompletableFuture<HttpResponse<String>> call : inFlight) {
        assertThat(call.get(8, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      }
      assertThat(process.waitFor(8, TimeUnit.SECONDS)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(8));

      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith("Picked up JAVA_TOOL_OPTIONS")) {
          continue; // printed by the JVM itself, before any logger exists
        }
        lines.add(JSON.readTree(line));
      }
      assertThat(lines)
          .isNotEmpty()
          .allSatisfy(
              l ->
                  assertThat(l.get("severity").asText()).isIn("DEBUG", "INFO", "WARNING", "ERROR"));
      assertThat(lines)
          .anySatisfy(
              l -> {
                assertThat(l.get("message").asText()).startsWith("POST /v1/ai/generate-feed 200");
                assertThat(l.get("logging.googleapis.com/trace").asText())
                    .isEqualTo("projects/test-project/traces/0af7651916cd43dd8448eb211c80319c");
              });
      assertThat(lines).anySatisfy(l -> assertThat(l.get("message").asText()).isEqualTo("stopped"));
      assertThat(lines)
          .as("pictures drawn while draining still land (fonts, codec and files ready before it)")
          .noneSatisfy(l -> assertThat(l.get("message").asText()).startsWith("no picture"));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void aRequestSlowerThanTheDrainIsAnswered503BeforeTheProcessExits() throws Exception {
    List<String> command = new ArrayList<>(entrypoint(Files.readString(Path.of("Dockerfile"))));
    command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.set(2, Path.of("target", "ai-agent.jar").toAbsolutePath().toString());
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("drain", ".log").toFile());
    builder.environment().remove("APP_ENV");
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MEDIA_DIR", Files.createTempDirectory("drain-media").toString());
    builder.environment().putAll(vertexWriter());
    builder.environment().put("DRAIN_ANSWER_MS", "1000");
    builder.environment().put("SHUTDOWN_GRACE_MS", "3000");
    builder.environment().put("SHUTDOWN_LIMIT_MS", "5000");
    fake.slowMillis(14_000);
    Process process = builder.start();
    try {
      waitForHealth(port, process);
      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        inFlight.add(
            http.sendAsync(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/v1/ai/generate-feed"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"user_id\":\"user_00" + (i + 1) + "\",\"prompt\":\"우산 추천\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
      awaitWriterCalls(2);
      long stopAt = System.nanoTime();
      process.destroy();
      for (CompletableFuture<HttpResponse<String>> call : inFlight) {
        HttpResponse<String> answer = call.get(4, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(JSON.readTree(answer.body()).get("error").get("code").asText())
            .isEqualTo("unavailable");
      }
      assertThat(Duration.ofNanos(System.nanoTime() - stopAt))
          .as("answered at DRAIN_ANSWER_MS, not at the writer's 14 s")
          .isLessThan(Duration.ofSeconds(3));
      assertThat(process.waitFor(6, TimeUnit.SECONDS)).as("exits by SHUTDOWN_LIMIT_MS").isTrue();
    } finally {
      process.destroyForcibly();
    }
  }

  private Map<String, String> vertexWriter() {
    return Map.of(
        "LLM_PROVIDER", "vertex",
        "GCP_PROJECT_ID", "test-project",
        "GCP_REGION", "us-central1",
        "VERTEX_AI_BASE_URL", fake.baseUrl(),
        "VERTEX_AI_ACCESS_TOKEN", TOKEN,
        "MEDIA_PROVIDER", "local");
  }

  /**
   * Waits until the fake writer has been asked {@code count} times: those requests are in flight.
   */
  private void awaitWriterCalls(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (fake.requests().stream().filter(r -> "generateContent".equals(r.method())).count()
        < count) {
      assertThat(System.nanoTime()).as("%d writer calls within 30 s", count).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  static List<String> entrypoint(String dockerfile) throws IOException {
    Matcher m = Pattern.compile("(?m)^ENTRYPOINT (\\[.*\\])$").matcher(dockerfile);
    assertThat(m.find()).as("an exec-form ENTRYPOINT").isTrue();
    List<String> parts = new ArrayList<>();
    JSON.readTree(m.group(1)).forEach(n -> parts.add(n.asText()));
    return parts;
  }

  static String javaToolOptions(String dockerfile) {
    Matcher m = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]+)\"").matcher(dockerfile);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void waitForHealth(int port, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).isTrue();
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no health within 60 s");
  }
}
