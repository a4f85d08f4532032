package com.aiagent.bus;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/** What one module says of itself on its {@code <module>.health} address. */
public record HealthStatus(String status, boolean required, Map<String, Object> details) {
  public static final String UP = "UP";
  public static final String DOWN = "DOWN";

  /**
   * Answering, through a fallback (a local provider, pgvector, no graph signals); never required,
   * so the instance stays in service.
   */
  public static final String DEGRADED = "DEGRADED";

  public static HealthStatus up(boolean required, Map<String, Object> details) {
    return new HealthStatus(UP, required, details);
  }

  public static HealthStatus down(boolean required, Map<String, Object> details) {
    return new HealthStatus(DOWN, required, details);
  }

  public static HealthStatus degraded(Map<String, Object> details) {
    return new HealthStatus(DEGRADED, false, details);
  }

  @JsonIgnore
  public boolean isUp() {
    return UP.equals(status);
  }
}
