package com.aiagent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the service as its own process, the way {@code java -jar} does, and stops it with SIGTERM
 * while a request is in flight: the request completes and the process is gone within 8 s.
 */
class LifecycleTest {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  @Test
  void sigtermDrainsInFlightRequestsAndExitsWithinEightSeconds() throws Exception {
    int port = TestApp.freePort();
    Path media = Files.createTempDirectory("ai-agent-lifecycle");
    Path log = Files.createTempFile("ai-agent-lifecycle", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MEDIA_DIR", media.toString());
    builder.environment().remove("APP_ENV");
    Process process = builder.start();
    try {
      waitForHealth(port, process);

      // Several picture requests, so some are still being drawn when SIGTERM arrives.
      CompletableFuture<?>[] inFlight = new CompletableFuture<?>[6];
      for (int i = 0; i < inFlight.length; i++) {
        inFlight[i] = http.sendAsync(generateRequest(port), HttpResponse.BodyHandlers.ofString());
      }
      Thread.sleep(30);
      long stopAt = System.nanoTime();
      process.destroy(); // SIGTERM

      for (CompletableFuture<?> call : inFlight) {
        @SuppressWarnings("unchecked")
        HttpResponse<String> response = (HttpResponse<String>) call.get(8, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      }
      assertThat(process.waitFor(8, TimeUnit.SECONDS)).as("exited within 8 s").isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(8));
      assertThat(Files.readString(log)).contains("shutting down").contains("stopped");
      assertThat(Files.readString(log)).contains("POST /v1/ai/generate-feed 200");
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void badConfigurationStopsStartUpWithOneLineNamingTheKey() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName())
            .redirectErrorStream(true);
    builder.environment().put("PORT", "not-a-port");
    Process process = builder.start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains("PORT").contains("not-a-port");
  }

  private static HttpRequest generateRequest(int port) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/ai/generate-feed"))
        .header("Content-Type", "application/json")
        .POST(
            HttpRequest.BodyPublishers.ofString("{\"user_id\":\"user_001\",\"prompt\":\"패션 아이템\"}"))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private void waitForHealth(int port, Process process) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      assertThat(process.isAlive()).as("service process is running").isTrue();
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("service did not become healthy within 60 s");
  }
}
