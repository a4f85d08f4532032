package com.aiagent.http;

import com.aiagent.config.AppConfig;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The server's edge, from {@code http.*}: socket options, connection guards and CORS. */
final class HttpEdge {
  private HttpEdge() {}

  static HttpServerOptions serverOptions(AppConfig.Http http) {
    return new HttpServerOptions()
        .setCompressionSupported(true)
        // HTTP/1.1 only (Cloud Run's front end speaks it to the container): without h2c detection
        // a connection exists from its accept, so the limits count and time it.
        .setHttp2ClearTextEnabled(false)
        // Idle keep-alive connections are closed, so they cannot exhaust descriptors.
        .setIdleTimeout(http.idleTimeoutSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        // Over these the codec answers 414 / 431 (ApiError.answerInvalidRequest).
        .setMaxInitialLineLength(http.maxInitialLineBytes())
        .setMaxHeaderSize(http.maxHeaderBytes())
        .setHost(http.host())
        .setPort(http.port());
  }

  /** What every new connection gets: the connection cap, the head timer and the framing guard. */
  static Handler<HttpConnection> guards(AppConfig.Http http) {
    ConnectionLimits limits =
        new ConnectionLimits(http.port(), http.maxConnections(), http.headerTimeoutMs());
    return connection -> {
      limits.install(connection);
      FramingGuard.install(connection);
    };
  }

  /** Off unless origins are listed: browsers on those origins may then call the API. */
  static Optional<CorsHandler> cors(AppConfig.Http http) {
    if (http.corsOrigins().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        CorsHandler.create()
            .addOrigins(http.corsOrigins())
            .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST))
            .allowedHeaders(Set.of("Content-Type", "Authorization", "X-API-Key", "X-Request-Id"))
            .exposedHeaders(Set.of("X-Request-Id", "Retry-After"))
            .maxAgeSeconds(600));
  }
}
