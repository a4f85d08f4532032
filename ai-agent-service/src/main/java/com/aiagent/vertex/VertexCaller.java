package com.aiagent.vertex;

import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import io.micrometer.core.instrument.Gauge;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vertex AI model as a provider sees it: a Gen AI SDK client with this kind of call's timeout
 * and deliberate retries (statuses and backoff from config; the SDK's default is 5 attempts), a
 * circuit breaker of its own, and each call started from the {@value #POOL} worker pool: the SDK
 * builds the request (and may refresh an expired OAuth token over HTTP) on the calling thread, so
 * that thread must never be an event loop. The answer comes back on the caller's context. A model
 * that Vertex does not know (404, e.g. a retired one) is logged once, naming its config key.
 */
public final class VertexCaller {
  static final String POOL = "vertex-calls";
  private static final Logger LOG = LoggerFactory.getLogger(VertexCaller.class);
  private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  /** How much later than the SDK's own timeout the breaker gives up on a call. */
  private static final long BACKSTOP_MS = 500;

  private final Vertx vertx;
  private final String model;
  private final String modelKey;
  private final Client client;
  private final CircuitBreaker breaker;
  private Gauge breakerGauge;
  private final WorkerExecutor pool;
  private final AtomicBoolean notFoundLogged = new AtomicBoolean();

  private VertexCaller(
      Vertx vertx,
      String model,
      String modelKey,
      Client client,
      CircuitBreaker breaker,
      WorkerExecutor pool) {
    this.vertx = vertx;
    this.model = model;
    this.modelKey = modelKey;
    this.client = client;
    this.breaker = breaker;
    this.pool = pool;
  }

  /** Builds the caller for {@code use}. Reading credentials may touch the disk: off the loop. */
  static VertexCaller create(Vertx vertx, AppConfig config, VertexUse use) {
    return create(vertx, config, use, credentials(config));
  }

  static VertexCaller create(
      Vertx vertx, AppConfig config, VertexUse use, GoogleCredentials credentials) {
    AppConfig.Vertex vertex = config.vertex();
    long timeoutMs = use.timeoutMs(config);
    HttpOptions.Builder http =
        HttpOptions.builder()
            .timeout((int) timeoutMs)
            .retryOptions(
                HttpRetryOptions.builder()
                    .attempts(vertex.retryAttempts())
                    .httpStatusCodes(vertex.retryStatuses())
                    .initialDelay(vertex.retryInitialDelayMs() / 1000.0)
                    .maxDelay(vertex.retryMaxDelayMs() / 1000.0)
                    .build());
    if (vertex.baseUrl() != null) {
      http.baseUrl(vertex.baseUrl());
    }
    Client client =
        Client.builder()
            .vertexAI(true)
            .project(config.gcp().projectId())
            .location(config.gcp().region())
            .credentials(credentials)
            .httpOptions(http.build())
            // OkHttp's default is 5 requests at a time per host; queued calls would count
            // against the breaker's timeout.
            .clientOptions(
                ClientOptions.builder().maxConnectionsPerHost(vertex.maxConnections()).build())
            .build();
    CircuitBreaker breaker =
        CircuitBreaker.create(
            "vertex-" + use.module(),
            vertx,
            new CircuitBreakerOptions()
                .setMaxFailures(vertex.breakerMaxFailures())
                // The SDK's timeout covers the whole call; the breaker's is a backstop behind it.
                .setTimeout(timeoutMs + BACKSTOP_MS)
                .setResetTimeout(vertex.breakerResetMs())
                .setFailuresRollingWindow(
                    failureWindowMs(
                        vertex.breakerWindowMs(), vertex.breakerMaxFailures(), timeoutMs)));
    WorkerExecutor pool = vertx.createSharedWorkerExecutor(POOL, vertex.workerPoolSize());
    VertexCaller caller =
        new VertexCaller(vertx, use.model(config), use.modelKey(), client, breaker, pool);
    caller.breakerGauge = BreakerGauge.register(breaker, use.module());
    return caller;
  }

  /**
   * The span over which failures are counted: the configured window, but never shorter than {@code
   * maxFailures} timed-out calls in a row take (twice over, for the gaps between them), so a few
   * slow calls at low traffic still open the breaker.
   */
  static long failureWindowMs(long configuredMs, int maxFailures, long timeoutMs) {
    return Math.max(configuredMs, 2L * maxFailures * (timeoutMs + BACKSTOP_MS));
  }

  private static GoogleCredentials credentials(AppConfig config) {
    return AccessTokens.credentials(
        config.vertex().accessToken(),
        config.gcp().credentialsFile(),
        List.of(SCOPE),
        "Vertex AI",
        "VERTEX_AI_ACCESS_TOKEN");
  }

  public String model() {
    return model;
  }

  /** Releases the SDK's connections, the breaker's timers and this caller's hold on the pool. */
  public void close() {
    if (breakerGauge != null) {
      AppMetrics.registry().remove(breakerGauge);
    }
    breaker.close();
    client.close();
    pool.close();
  }

  /** CLOSED, OPEN or HALF_OPEN. */
  public String breakerState() {
    return breaker.state().name();
  }

  /**
   * Runs one SDK call through the breaker. The call is started on a worker (the async SDK then
   * waits on its own threads, not the worker's); failures arrive unwrapped from the SDK's futures.
   */
  public <T> Future<T> call(Function<Client, CompletableFuture<T>> call) {
    Context caller = vertx.getOrCreateContext();
    return breaker
        .<T>execute(
            () ->
                pool.executeBlocking(() -> call.apply(client), false)
                    .compose(started -> Future.fromCompletionStage(started, caller)))
        .recover(error -> Future.failedFuture(unwrap(error)))
        .onFailure(this::logNotFound);
  }

  private void logNotFound(Throwable error) {
    if (error instanceof ApiException api
        && api.code() == 404
        && notFoundLogged.compareAndSet(false, true)) {
      LOG.error(
          "Vertex AI does not know model '{}' (retired or misspelt?): check {}; falling back to the local provider",
          model,
          modelKey);
    }
  }

  static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  /** A short reason for logs and statuses, never a stack trace. */
  public static String describe(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ApiException api) {
      return "HTTP " + api.code() + " " + api.status();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
