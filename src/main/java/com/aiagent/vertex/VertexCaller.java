package com.aiagent.vertex;

import com.aiagent.config.AppConfig;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.ClientOptions;
import com.google.genai.types.HttpOptions;
import com.google.genai.types.HttpRetryOptions;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * and deliberate retries (the SDK's default is 5 attempts), a circuit breaker of its own, and the
 * calls bridged from the SDK's async API onto the caller's Vert.x context, so no event loop waits.
 * A model that Vertex does not know (404, e.g. a retired one) is logged once, naming its config
 * key.
 */
public final class VertexCaller {
  private static final Logger LOG = LoggerFactory.getLogger(VertexCaller.class);
  private static final List<Integer> RETRIED_STATUSES = List.of(408, 429, 500, 502, 503, 504);
  private static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  private final Vertx vertx;
  private final String model;
  private final String modelKey;
  private final Client client;
  private final CircuitBreaker breaker;
  private final AtomicBoolean notFoundLogged = new AtomicBoolean();

  private VertexCaller(
      Vertx vertx, String model, String modelKey, Client client, CircuitBreaker breaker) {
    this.vertx = vertx;
    this.model = model;
    this.modelKey = modelKey;
    this.client = client;
    this.breaker = breaker;
  }

  /**
   * Builds the caller. Reading credentials may touch the disk, so call it off the event loop.
   *
   * @param name the provider, e.g. "llm" (names the breaker)
   * @param modelKey the variable that configures {@code model}, for the log line on a 404
   */
  public static VertexCaller create(
      Vertx vertx, AppConfig config, String name, String model, String modelKey, long timeoutMs) {
    AppConfig.Vertex vertex = config.vertex();
    HttpOptions.Builder http =
        HttpOptions.builder()
            .timeout((int) timeoutMs)
            .retryOptions(
                HttpRetryOptions.builder()
                    .attempts(vertex.retryAttempts())
                    .httpStatusCodes(RETRIED_STATUSES)
                    .initialDelay(0.2)
                    .maxDelay(2.0)
                    .build());
    if (vertex.baseUrl() != null) {
      http.baseUrl(vertex.baseUrl());
    }
    Client client =
        Client.builder()
            .vertexAI(true)
            .project(config.gcp().projectId())
            .location(config.gcp().region())
            .credentials(credentials(config))
            .httpOptions(http.build())
            // OkHttp's default is 5 requests at a time per host; queued calls would count
            // against the breaker's timeout.
            .clientOptions(
                ClientOptions.builder().maxConnectionsPerHost(vertex.maxConnections()).build())
            .build();
    CircuitBreaker breaker =
        CircuitBreaker.create(
            "vertex-" + name,
            vertx,
            new CircuitBreakerOptions()
                .setMaxFailures(vertex.breakerMaxFailures())
                // The SDK's timeout covers the whole call; the breaker's is a backstop behind it.
                .setTimeout(timeoutMs + 500)
                .setResetTimeout(vertex.breakerResetMs()));
    return new VertexCaller(vertx, model, modelKey, client, breaker);
  }

  private static GoogleCredentials credentials(AppConfig config) {
    if (config.vertex().accessToken() != null) {
      // A static token (e.g. from `gcloud auth print-access-token`); a null expiry never expires.
      return GoogleCredentials.create(new AccessToken(config.vertex().accessToken(), null));
    }
    try {
      if (config.gcp().credentialsFile() != null) {
        try (InputStream in = new FileInputStream(config.gcp().credentialsFile())) {
          return GoogleCredentials.fromStream(in).createScoped(SCOPE);
        }
      }
      return GoogleCredentials.getApplicationDefault().createScoped(SCOPE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Vertex AI has no credentials: set VERTEX_AI_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  public String model() {
    return model;
  }

  /** Releases the SDK's connections and the breaker's timers. */
  public void close() {
    breaker.close();
    client.close();
  }

  /** CLOSED, OPEN or HALF_OPEN. */
  public String breakerState() {
    return breaker.state().name();
  }

  /** Runs one SDK call through the breaker; failures arrive unwrapped from the SDK's futures. */
  public <T> Future<T> call(Function<Client, CompletableFuture<T>> call) {
    return breaker
        .<T>execute(
            () -> Future.fromCompletionStage(call.apply(client), vertx.getOrCreateContext()))
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
