package com.aiagent.http;

import static com.aiagent.TestApp.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What operators expect of the HTTP edge: a request id on every answer, CORS only for listed
 * origins, a cap on open connections, and a deadline for a request head that trickles in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionHardeningTest {
  private final Vertx vertx = Vertx.vertx();
  private TestApp app;
  private WebClient client;

  @BeforeAll
  void start() throws Exception {
    app =
        TestApp.create(
            Map.of(
                "HTTP_INSTANCES", "1",
                "CORS_ORIGINS", "https://ads.example.com",
                "HTTP_MAX_CONNECTIONS", "4",
                "HTTP_HEADER_TIMEOUT_MS", "400"));
    await(app.start(vertx));
    client = app.client(vertx);
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  @Test
  void everyAnswerCarriesARequestId() throws Exception {
    HttpResponse<Buffer> given =
        await(client.get("/health").putHeader("X-Request-Id", "req-42.a").send());
    assertThat(given.getHeader("X-Request-Id")).isEqualTo("req-42.a");
    HttpResponse<Buffer> traced =
        await(
            client
                .get("/v1/feed?user_id=user_404")
                .putHeader("X-Cloud-Trace-Context", "105445aa7843bc8bf206b12000100000/1;o=1")
                .send());
    assertThat(traced.statusCode()).isEqualTo(404);
    assertThat(traced.getHeader("X-Request-Id")).isEqualTo("105445aa7843bc8bf206b12000100000");
    HttpResponse<Buffer> made =
        await(client.get("/health").putHeader("X-Request-Id", "no spaces allowed").send());
    assertThat(made.getHeader("X-Request-Id")).matches("[0-9a-f]{32}");
  }

  @Test
  void jsonIsCompressedForClientsThatAcceptIt() throws Exception {
    HttpResponse<Buffer> gzipped =
        await(client.get("/v1/feed?user_id=user_001").putHeader("Accept-Encoding", "gzip").send());
    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
    assertThat(await(client.get("/v1/feed?user_id=user_001").send()).getHeader("Content-Encoding"))
        .isNull();
  }

  @Test
  void corsAnswersListedOriginsOnly() throws Exception {
    HttpResponse<Buffer> preflight =
        await(
            client
                .request(HttpMethod.OPTIONS, "/v1/ai/generate-feed")
                .putHeader("Origin", "https://ads.example.com")
                .putHeader("Access-Control-Request-Method", "POST")
                .putHeader("Access-Control-Request-Headers", "content-type,authorization")
                .send());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.getHeader("Access-Control-Allow-Origin"))
        .isEqualTo("https://ads.example.com");
    HttpResponse<Buffer> foreign =
        await(client.get("/health").putHeader("Origin", "https://evil.example").send());
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.bodyAsJsonObject().getJsonObject("error").getString("code"))
        .isEqualTo("forbidden");
    HttpResponse<Buffer> noOrigin = await(client.get("/health").send());
    assertThat(noOrigin.getHeader("Access-Control-Allow-Origin")).isNull();
  }

  private static String read(Socket socket, int timeoutMs) throws Exception {
    socket.setSoTimeout(timeoutMs);
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        got.write(buffer, 0, n);
      }
      got.write("<closed>".getBytes(StandardCharsets.ISO_8859_1));
    } catch (SocketTimeoutException stillOpen) {
      // nothing more within the time
    }
    return got.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTricklingRequestHeadGets408WhileAPromptOneIsServed() throws Exception {
    try (Socket slow = new Socket("127.0.0.1", app.port())) {
      for (String part : new String[] {"GET /hea", "lth HTTP/1.1\r\n", "Host: a\r\n", "X-A: b"}) {
        slow.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
        Thread.sleep(150);
      }
      String answer = read(slow, 2000);
      assertThat(answer).startsWith("HTTP/1.1 408").endsWith("<closed>");
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4, answer.length() - 8);
      assertThat(new JsonObject(body).getJsonObject("error").getString("code"))
          .isEqualTo("request_timeout");
    }
    try (Socket prompt = new Socket("127.0.0.1", app.port())) {
      byte[] request =
          "GET /health HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
      Thread.sleep(250);
      prompt.getOutputStream().write(request);
      Thread.sleep(250);
      prompt.getOutputStream().write(request);
      String answers = read(prompt, 1000);
      assertThat(answers.split("HTTP/1.1 200", -1)).as("two requests, two answers").hasSize(3);
    }
  }

  @Test
  void connectionsOverTheCapAre503AndHealthAnswersOnceTheyClose() throws Exception {
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        held.add(new Socket("127.0.0.1", app.port()));
      }
      Thread.sleep(200);
      try (Socket extra = new Socket("127.0.0.1", app.port())) {
        String answer = read(extra, 2000);
        assertThat(answer)
            .startsWith("HTTP/1.1 503")
            .contains("\"unavailable\"")
            .endsWith("<closed>");
      }
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
    Thread.sleep(200);
    assertThat(await(client.get("/health").send()).statusCode()).isEqualTo(200);
  }
}
