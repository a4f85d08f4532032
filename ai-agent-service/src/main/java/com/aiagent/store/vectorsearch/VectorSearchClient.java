package com.aiagent.store.vectorsearch;

import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import com.aiagent.vertex.AccessTokens;
import com.aiagent.vertex.BreakerGauge;
import com.aiagent.vertex.GoogleRest;
import io.micrometer.core.instrument.Gauge;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Vector Search's REST calls ({@link GoogleRest}): {@code :upsertDatapoints} on the index (at
 * Vertex AI's regional endpoint) and {@code :findNeighbors} on the index endpoint's own domain,
 * with the service account's bearer token. Each attempt is bounded as a whole; 429 and the
 * configured 5xx statuses are tried again with exponential backoff, as the other Vertex AI calls
 * are; all calls go through one circuit breaker, so an index that keeps failing is left alone for
 * the reset time.
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
  private final GoogleRest rest;
  private final CircuitBreaker breaker;
  private final Gauge breakerGauge;

  VectorSearchClient(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.settings = config.vectorSearch();
    this.retries = config.vertex();
    this.rest =
        new GoogleRest(
            vertx,
            new AccessTokens(
                vertx,
                config.vertex().accessToken(),
                config.gcp().credentialsFile(),
                List.of(SCOPE),
                "Vertex AI Vector Search",
                "VERTEX_AI_ACCESS_TOKEN"),
            settings.timeoutMs(),
            settings.maxConnections());
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
    this.breakerGauge = BreakerGauge.register(breaker, "vector_search");
  }

  /**
   * A write: retried like a query, but with its own, longer timeout (a batch is far larger than a
   * query) and outside the breaker, which guards the request path's queries: a failing backfill
   * must not send live retrieval to the fallback.
   */
  Future<Void> upsert(JsonObject body) {
    return attempt(
            settings.adminBaseUrl() + "/v1/" + settings.index() + ":upsertDatapoints",
            body.toBuffer(),
            settings.upsertTimeoutMs(),
            1)
        .mapEmpty();
  }

  /** The index resource ({@code GET} on it): its metadata and update method. */
  Future<JsonObject> index() {
    return rest.call(
            HttpMethod.GET, settings.adminBaseUrl() + "/v1/" + settings.index(), null, null)
        .map(reply -> answer(reply.status(), reply.body()))
        .recover(
            error ->
                Future.failedFuture(
                    error instanceof CallFailed
                        ? error
                        : new CallFailed(
                            error instanceof GoogleRest.NoCredentials ? -1 : 0,
                            "Vector Search call failed: " + error,
                            error)));
  }

  Future<JsonObject> findNeighbors(JsonObject body) {
    Buffer payload = body.toBuffer();
    String url = settings.queryBaseUrl() + "/v1/" + settings.indexEndpoint() + ":findNeighbors";
    return breaker.execute(() -> attempt(url, payload, settings.timeoutMs(), 1));
  }

  /** CLOSED, OPEN or HALF_OPEN. */
  String breakerState() {
    return breaker.state().name();
  }

  void close() {
    AppMetrics.registry().remove(breakerGauge);
    breaker.close();
    rest.close();
  }

  private Future<JsonObject> attempt(String url, Buffer payload, long timeoutMs, int attempt) {
    return once(url, payload, timeoutMs)
        .recover(
            error -> {
              if (attempt >= retries.retryAttempts() || !retryable(error)) {
                return Future.failedFuture(error);
              }
              long delay =
                  Math.min(
                      retries.retryMaxDelayMs(),
                      retries.retryInitialDelayMs() * (1L << Math.min(20, attempt - 1)));
              return vertx.timer(delay).compose(t -> attempt(url, payload, timeoutMs, attempt + 1));
            });
  }

  private boolean retryable(Throwable error) {
    return error instanceof CallFailed failed
        && (failed.status == 0 || retries.retryStatuses().contains(failed.status));
  }

  /** Status 0: no answer (worth another attempt); -1: no credentials (not worth one). */
  private Future<JsonObject> once(String url, Buffer payload, long timeoutMs) {
    return rest.call(HttpMethod.POST, url, "application/json", payload, timeoutMs)
        .map(reply -> answer(reply.status(), reply.body()))
        .recover(
            error ->
                Future.failedFuture(
                    error instanceof CallFailed
                        ? error
                        : new CallFailed(
                            error instanceof GoogleRest.NoCredentials ? -1 : 0,
                            "Vector Search call failed: " + error,
                            error)));
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
