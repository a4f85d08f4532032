package com.aiagent.http;

import com.aiagent.bus.BusJson;
import com.aiagent.bus.BusRequests;
import com.aiagent.bus.HealthProbe;
import com.aiagent.bus.HealthStatus;
import com.aiagent.cache.CacheAddresses;
import com.aiagent.embedding.EmbeddingAddresses;
import com.aiagent.events.EventsAddresses;
import com.aiagent.feed.FeedAddresses;
import com.aiagent.generation.GenerationAddresses;
import com.aiagent.llm.LlmAddresses;
import com.aiagent.media.MediaAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's health: every module asked on its health address at once, each within the timeout;
 * a module that does not answer counts as down. Up unless a required module is down. On a clustered
 * bus the modules may answer from other members, and the body names this member and counts them.
 */
final class HealthReport {
  private static final Map<String, String> HEALTH_ADDRESSES =
      Map.of(
          "feed", FeedAddresses.HEALTH,
          "events", EventsAddresses.HEALTH,
          "generation", GenerationAddresses.HEALTH,
          "embedding", EmbeddingAddresses.HEALTH,
          "llm", LlmAddresses.HEALTH,
          "media", MediaAddresses.HEALTH,
          "cache", CacheAddresses.HEALTH);

  /** The answer: whether the service is up, and the body with each module's check. */
  record Report(boolean up, JsonObject body) {}

  private final Vertx vertx;
  private final long timeoutMs;
  private final boolean details;

  /** {@code details}: each module's details too; else status only (what an outsider may see). */
  HealthReport(Vertx vertx, long timeoutMs, boolean details) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.details = details;
  }

  Future<Report> check() {
    Map<String, Future<HealthStatus>> checks = new LinkedHashMap<>();
    HEALTH_ADDRESSES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> checks.put(e.getKey(), ask(e.getValue())));
    return Future.join(List.copyOf(checks.values()))
        .otherwiseEmpty()
        .map(
            done -> {
              boolean up = true;
              JsonObject results = new JsonObject();
              for (Map.Entry<String, Future<HealthStatus>> e : checks.entrySet()) {
                HealthStatus status = e.getValue().result();
                up &= status.isUp() || !status.required();
                results.put(
                    e.getKey(),
                    details
                        ? BusJson.toJsonObject(status)
                        : new JsonObject()
                            .put("status", status.status())
                            .put("required", status.required()));
              }
              JsonObject body =
                  new JsonObject()
                      .put("status", up ? HealthStatus.UP : HealthStatus.DOWN)
                      .put("checks", results);
              if (vertx.isClustered()) {
                ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
                body.put(
                    "cluster",
                    new JsonObject()
                        .put("node", cluster.getNodeId())
                        .put("members", cluster.getNodes().size()));
              }
              return new Report(up, body);
            });
  }

  private Future<HealthStatus> ask(String address) {
    return BusRequests.request(vertx, address, new HealthProbe(), timeoutMs, HealthStatus.class)
        .otherwise(
            error ->
                HealthStatus.down(
                    true,
                    Map.of(
                        "error", error.getMessage() == null ? "no answer" : error.getMessage())));
  }
}
