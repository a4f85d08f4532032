package com.aiagent.store.vectorsearch;

import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import com.aiagent.vertex.AccessTokens;
import io.micrometer.core.instrument.Gauge;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Vector Search's REST calls on Vert.x's HTTP client: {@code :upsertDatapoints} on the index (at
 * Vertex AI's regional endpoint) and {@code :findNeighbors} on the index endpoint's own domain,
 * with the service account's bearer token. Each attempt is bounded as a whole (a request's own
 * timeout does not cover the wait for a pooled connection); 429 and the configured 5xx statuses are
 * tried again with exponential backoff, as the other Vertex AI calls are; all calls go through one
 * circuit breaker, so an index that keeps failing is left alone for the reset time.
 */
final class VectorSearchClient {
  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /** A call that failed with an HTTP status, or with none (status 0: no answer). */
  static final class CallFailed extends RuntimeException {
    final int status;

    CallFailed(int status, String message, Throwable cause) {
      super(message, cause);
      this.status = status;
    }
  }

  private final Vertx vertx;
  private final AppConfig.VectorSearch settings;
  private final AppConfig.Vertex retries;
  private final AccessTokens tokens;
  private final HttpClient http;
  private final CircuitBreaker breaker;
  private final Gauge breakerGauge;

  VectorSearchClient(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.settings = config.vectorSearch();
    this.retries = config.vertex();
    this.tokens =
        new AccessTokens(
            vertx,
            config.vertex().accessToken(),
            config.gcp().credentialsFile(),
            List.of(SCOPE),
            "Vertex AI Vector Search",
            "VERTEX_AI_ACCESS_TOKEN");
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
    long attemptsMs = retries.retryAttempts() * (settings.timeoutMs() + retries.retryMaxDelayMs());
    this.breaker =
        CircuitBreaker.create(
            "vertex-vector-search",
            vertx,
            new CircuitBreakerOptions()
                .setMaxFailures(retries.breakerMaxFailures())
                // Every attempt is bounded already; this is a backstop behind them.
                .setTimeout(attemptsMs + 500)
                .setResetTimeout(retries.breakerResetMs())
                .setFailuresRollingWindow(
                    Math.max(
                        retries.breakerWindowMs(),
                        2L * retries.breakerMaxFailures() * attemptsMs)));
    this.breakerGauge =
        Gauge.builder(
                "ai.agent.breaker.open",
                breaker,
                b ->
                    switch (b.state()) {
                      case OPEN -> 1.0;
                      case HALF_OPEN -> 0.5;
                      default -> 0.0;
                    })
            .tag("provider", "vector_search")
            .description("Whether the Vertex AI breaker of a provider is open")
            .register(AppMetrics.registry());
  }

  Future<Void> upsert(JsonObject body) {
    return call(settings.adminBaseUrl() + "/v1/" + settings.index() + ":upsertDatapoints", body)
        .mapEmpty();
  }

  Future<JsonObject> findNeighbors(JsonObject body) {
    return call(
        settings.queryBaseUrl() + "/v1/" + settings.indexEndpoint() + ":findNeighbors", body);
  }

  /** CLOSED, OPEN or HALF_OPEN. */
  String breakerState() {
    return breaker.state().name();
  }

  void close() {
    AppMetrics.registry().remove(breakerGauge);
    breaker.close();
    http.close();
  }

  private Future<JsonObject> call(String url, JsonObject body) {
    Buffer payload = body.toBuffer();
    return breaker.execute(() -> attempt(url, payload, 1));
  }

  private Future<JsonObject> attempt(String url, Buffer payload, int attempt) {
    return once(url, payload)
        .recover(
            error -> {
              if (attempt >= retries.retryAttempts() || !retryable(error)) {
                return Future.failedFuture(error);
              }
              long delay =
                  Math.min(
                      retries.retryMaxDelayMs(),
                      retries.retryInitialDelayMs() * (1L << Math.min(20, attempt - 1)));
              return vertx.timer(delay).compose(t -> attempt(url, payload, attempt + 1));
            });
  }

  private boolean retryable(Throwable error) {
    return error instanceof CallFailed failed
        && (failed.status == 0 || retries.retryStatuses().contains(failed.status));
  }

  private Future<JsonObject> once(String url, Buffer payload) {
    return tokens
        .current()
        .compose(
            token ->
                http.request(
                        new RequestOptions()
                            .setMethod(HttpMethod.POST)
                            .setAbsoluteURI(url)
                            .setTimeout(settings.timeoutMs())
                            .putHeader("Authorization", "Bearer " + token)
                            .putHeader("Content-Type", "application/json"))
                    // The body is asked for in the callback that sends: chained after it on the
                    // caller's thread, it could be attached after the answer arrived, whose bytes
                    // are then dropped and body() never completes.
                    .compose(
                        request ->
                            request
                                .send(payload)
                                .compose(
                                    response ->
                                        response
                                            .body()
                                            .map(b -> answer(response.statusCode(), b)))))
        .timeout(settings.timeoutMs(), TimeUnit.MILLISECONDS)
        .recover(
            error ->
                Future.failedFuture(
                    error instanceof CallFailed
                        ? error
                        : new CallFailed(0, "Vector Search call failed: " + error, error)));
  }

  private static JsonObject answer(int status, Buffer body) {
    JsonObject json;
    try {
      json = body.length() == 0 ? new JsonObject() : body.toJsonObject();
    } catch (DecodeException e) {
      throw new CallFailed(
          status == 200 ? 0 : status, "Vector Search answered " + status + " with no JSON", e);
    }
    if (status == 200) {
      return json;
    }
    JsonObject error = json.getJsonObject("error", new JsonObject());
    throw new CallFailed(
        status,
        "Vector Search answered "
            + status
            + " "
            + error.getString("status", "")
            + ": "
            + error.getString("message", ""),
        null);
  }
}
