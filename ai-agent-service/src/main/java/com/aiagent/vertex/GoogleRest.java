package com.aiagent.vertex;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;

/**
 * One call to a Google REST API on Vert.x's HTTP client, with a bearer token from {@link
 * AccessTokens}, answered with its status and whole body, and bounded as a whole by {@code
 * timeoutMs} (the request's own timeout bounds getting a connection and each wait for data, not a
 * server answering a byte at a time). Statuses are the caller's to judge; a call that got no answer
 * fails.
 */
public final class GoogleRest {
  /** An answer: its HTTP status and its whole body. */
  public record Reply(int status, Buffer body) {}

  /** No token could be had: not the server's doing, so not worth another attempt. */
  public static final class NoCredentials extends RuntimeException {
    NoCredentials(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }

  private final HttpClient http;
  private final AccessTokens tokens;
  private final long timeoutMs;

  public GoogleRest(Vertx vertx, AccessTokens tokens, long timeoutMs, int maxConnections) {
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(maxConnections));
    this.tokens = tokens;
    this.timeoutMs = timeoutMs;
  }

  /**
   * {@code body} null: none. The body is asked for in the callback that sends the request: a step
   * chained after {@code http.request(..)} on the caller's thread could be attached only once the
   * answer had arrived on the event loop (callers outside Vert.x race with it), and the bytes of an
   * answer nobody reads yet are dropped, so its {@code body()} would never complete.
   */
  public Future<Reply> call(HttpMethod method, String url, String contentType, Buffer body) {
    return call(method, url, contentType, body, timeoutMs);
  }

  /** As {@link #call(HttpMethod, String, String, Buffer)}, bounded by {@code timeoutMs} instead. */
  public Future<Reply> call(
      HttpMethod method, String url, String contentType, Buffer body, long timeoutMs) {
    return tokens
        .current()
        .recover(error -> Future.failedFuture(new NoCredentials(error)))
        .compose(
            token ->
                http.request(
                        new RequestOptions()
                            .setMethod(method)
                            .setAbsoluteURI(url)
                            .setTimeout(timeoutMs)
                            .putHeader("Authorization", "Bearer " + token))
                    .compose(
                        request -> {
                          if (contentType != null) {
                            request.putHeader("Content-Type", contentType);
                          }
                          return (body == null ? request.send() : request.send(body))
                              .compose(
                                  response ->
                                      response
                                          .body()
                                          .map(b -> new Reply(response.statusCode(), b)));
                        }))
        .timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  public Future<Void> close() {
    return http.close();
  }
}
