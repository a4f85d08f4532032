package com.aiagent.vertex;

import com.aiagent.metrics.AppMetrics;
import io.micrometer.core.instrument.Gauge;
import io.vertx.circuitbreaker.CircuitBreaker;

/** {@code ai_agent_breaker_open{provider}}: 1 while a breaker is open, 0.5 half open, 0 closed. */
public final class BreakerGauge {
  private BreakerGauge() {}

  /**
   * Registers the gauge of {@code breaker}; remove it from the registry when the breaker closes.
   */
  public static Gauge register(CircuitBreaker breaker, String provider) {
    return Gauge.builder(
            "ai.agent.breaker.open",
            breaker,
            b ->
                switch (b.state()) {
                  case OPEN -> 1.0;
                  case HALF_OPEN -> 0.5;
                  default -> 0.0;
                })
        .tag("provider", provider)
        .description("Whether the Vertex AI breaker of a provider is open")
        .register(AppMetrics.registry());
  }
}
