package com.aiagent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line in the shape Cloud Logging reads from a container's stdout: {@code
 * severity} with its own level names (WARN is WARNING), {@code message} (with the stack trace,
 * which Error Reporting picks up), {@code time}, and the request's trace under {@code
 * logging.googleapis.com/trace} when the request log put one in the MDC.
 */
public final class CloudLoggingLayout extends LayoutBase<ILoggingEvent> {
  /** The MDC key the request log sets from X-Cloud-Trace-Context. */
  public static final String TRACE = "trace";

  /** The MDC key of the request id (X-Request-Id), a Cloud Logging label. */
  public static final String REQUEST_ID = "request_id";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String doLayout(ILoggingEvent event) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("severity", severity(event.getLevel()));
    String message = event.getFormattedMessage();
    if (event.getThrowableProxy() != null) {
      message =
          message
              + CoreConstants.LINE_SEPARATOR
              + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }
    entry.put("message", message);
    entry.put("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
    entry.put("logger", event.getLoggerName());
    entry.put("thread", event.getThreadName());
    String trace = event.getMDCPropertyMap().get(TRACE);
    if (trace != null) {
      entry.put("logging.googleapis.com/trace", trace);
    }
    String requestId = event.getMDCPropertyMap().get(REQUEST_ID);
    if (requestId != null) {
      entry.put("logging.googleapis.com/labels", Map.of(REQUEST_ID, requestId));
    }
    try {
      return JSON.writeValueAsString(entry) + CoreConstants.LINE_SEPARATOR;
    } catch (JsonProcessingException e) {
      return "{\"severity\":\"ERROR\",\"message\":\"unloggable event\"}"
          + CoreConstants.LINE_SEPARATOR;
    }
  }

  static String severity(Level level) {
    return switch (level.toInt()) {
      case Level.ERROR_INT -> "ERROR";
      case Level.WARN_INT -> "WARNING";
      case Level.INFO_INT -> "INFO";
      default -> "DEBUG";
    };
  }
}
