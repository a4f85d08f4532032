package com.aiagent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudLoggingLayoutTest {
  @Test
  void aLineCarriesItsSeverityTraceAndRequestIdAsCloudLoggingReadsThem() {
    LoggerContext context = new LoggerContext();
    LoggingEvent event =
        new LoggingEvent(
            "x", context.getLogger("http.access"), Level.WARN, "GET /v1/feed 503", null, null);
    event.setMDCPropertyMap(
        Map.of(
            CloudLoggingLayout.TRACE, "projects/p/traces/abc",
            CloudLoggingLayout.REQUEST_ID, "req-1"));
    JsonObject line = new JsonObject(new CloudLoggingLayout().doLayout(event));
    assertThat(line.getString("severity")).isEqualTo("WARNING");
    assertThat(line.getString("logging.googleapis.com/trace")).isEqualTo("projects/p/traces/abc");
    assertThat(line.getJsonObject("logging.googleapis.com/labels").getString("request_id"))
        .isEqualTo("req-1");
  }
}
