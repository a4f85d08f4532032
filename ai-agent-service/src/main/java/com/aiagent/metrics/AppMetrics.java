package com.aiagent.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

/**
 * The metrics every module shares: Vert.x's own (HTTP server requests by route template and status,
 * event bus, pools) and the JVM's through vertx-micrometer-metrics with a Prometheus registry, plus
 * the product's meters, registered by each module on {@link #registry()}.
 */
public final class AppMetrics {
  /** No registry attached: what a module records without metrics (tests, METRICS_ENABLED=false). */
  private static final MeterRegistry NONE = new CompositeMeterRegistry();

  private AppMetrics() {}

  /**
   * Vert.x metrics with Prometheus and JVM meters. Labels are route templates, methods and status
   * codes: never a raw path, so no user id or file name becomes a label.
   */
  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setPrometheusOptions(
            new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(false))
        .addLabels(Label.HTTP_ROUTE, Label.HTTP_METHOD, Label.HTTP_CODE);
  }

  /** The Prometheus registry when metrics are on, else one that keeps nothing. */
  public static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return registry == null ? NONE : registry;
  }

  /** Whether meters are kept at all (the scrape endpoint is served only then). */
  public static boolean enabled() {
    return BackendRegistries.getDefaultNow() != null;
  }
}
