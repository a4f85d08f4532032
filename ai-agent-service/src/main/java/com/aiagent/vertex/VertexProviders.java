package com.aiagent.vertex;

import com.aiagent.bus.HealthStatus;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.function.Function;

/**
 * The one place a module's provider is chosen: the Vertex AI one, built around a {@link
 * VertexCaller} on a worker thread (reading credentials may touch the disk), when the config
 * selects Vertex for that use; else the local one. Health is judged here too, the same for every
 * module.
 */
public final class VertexProviders {
  /** A module that answers, but through its local fallback while Vertex AI's breaker is open. */
  public static final String DEGRADED = HealthStatus.DEGRADED;

  private VertexProviders() {}

  public static <P> Future<P> choose(
      Vertx vertx, AppConfig config, VertexUse use, Function<VertexCaller, P> remote, P local) {
    if (!use.selected(config)) {
      return Future.succeededFuture(local);
    }
    return vertx.executeBlocking(
        () -> remote.apply(VertexCaller.create(vertx, config, use)), false);
  }

  /**
   * UP while the breaker is closed (or there is none: a local provider); DEGRADED, and not
   * required, while it is open or half open: requests are served by the local fallback, so the
   * instance must not be taken out of service for it.
   */
  public static HealthStatus health(String breakerState, Map<String, Object> details) {
    if (breakerState == null || "CLOSED".equals(breakerState)) {
      return HealthStatus.up(true, details);
    }
    details.put("fallback", "local");
    return new HealthStatus(DEGRADED, false, details);
  }
}
