package com.aiagent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged jar exactly as the Dockerfile's ENTRYPOINT does (with its JAVA_TOOL_OPTIONS
 * and PORT from the environment), sends SIGTERM while requests are in flight, and checks that they
 * complete and the process ends within Cloud Run's 8 s budget, logging JSON lines for Cloud
 * Logging.
 */
class DockerEntrypointIT {
  private static final ObjectMapper JSON = new ObjectMapper();
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
      Thread.sleep(30);
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
                    .isEqualTo("0af7651916cd43dd8448eb211c80319c");
              });
      assertThat(lines).anySatisfy(l -> assertThat(l.get("message").asText()).isEqualTo("stopped"));
    } finally {
      process.destroyForcibly();
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
