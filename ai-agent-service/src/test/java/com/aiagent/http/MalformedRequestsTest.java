package com.aiagent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.TestApp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a hostile or broken client sends on a raw socket: every answer is the usual JSON error with
 * its status, and a request whose framing is ambiguous closes the connection, so no trailing bytes
 * are ever read as a second request (RFC 9112 6.3, 11.2).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsTest {
  private final Vertx vertx = Vertx.vertx();
  private TestApp app;

  @BeforeAll
  void start() throws Exception {
    app = TestApp.create();
    await(app.start(vertx));
  }

  @AfterAll
  void stop() throws Exception {
    await(app.stop());
    await(vertx.close());
  }

  /** Everything the server sends until it closes the connection or stays silent for 2 s. */
  private String exchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          got.write(buffer, 0, n);
        }
      } catch (SocketTimeoutException stillOpen) {
        got.write("\n<still open>".getBytes(StandardCharsets.ISO_8859_1));
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }

  private static void assertJsonError(String response, int status, String code) {
    assertThat(response).matches("(?s)HTTP/1\\.[01] " + status + " .*");
    assertThat(response.toLowerCase()).contains("content-type: application/json");
    String body =
        response.substring(response.indexOf("\r\n\r\n") + 4).replace("\n<still open>", "");
    assertThat(new JsonObject(body).getJsonObject("error").getString("code")).isEqualTo(code);
  }

  private static int responses(String stream) {
    return stream.split("HTTP/1\\.1 \\d{3}", -1).length - 1;
  }

  @Test
  void codecErrorsAreJsonErrorsAndCloseTheConnection() throws Exception {
    String longUri = "GET /v1/feed?user_id=" + "x".repeat(10_000) + " HTTP/1.1\r\nHost: a\r\n\r\n";
    String uri = exchange(longUri);
    assertJsonError(uri, 414, "uri_too_long");
    assertThat(uri).doesNotContain("<still open>");

    String headers =
        exchange("GET /health HTTP/1.1\r\nHost: a\r\nX-Big: " + "y".repeat(20_000) + "\r\n\r\n");
    assertJsonError(headers, 431, "headers_too_large");

    String garbage = exchange("GET /health HTTP/1.1\r\nHost a\r\nBroken\r\n\r\n");
    assertJsonError(garbage, 400, "bad_request");

    String version = exchange("GET /health HTTP/1.9\r\nHost: a\r\n\r\n");
    assertJsonError(version, 505, "http_version_not_supported");
    assertThat(version).doesNotContain("<still open>");
  }

  @Test
  void contentLengthWithTransferEncodingIsRefusedAndClosed() throws Exception {
    String smuggled =
        "POST /v1/events HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
            + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "0\r\n\r\nGET /health HTTP/1.1\r\nHost: a\r\n\r\n";
    String answer = exchange(smuggled);
    assertThat(responses(answer)).as("the trailing bytes are never served: " + answer).isEqualTo(1);
    assertJsonError(answer, 400, "bad_request");
    assertThat(answer).doesNotContain("<still open>");
  }

  @Test
  void aMalformedChunkedBodyIsAJsonErrorAndClosed() throws Exception {
    String answer =
        exchange(
            "POST /v1/events HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");
    assertJsonError(answer, 400, "bad_request");
    assertThat(answer).doesNotContain("<still open>");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
