package com.aiagent.http;

import com.aiagent.logging.CloudLoggingLayout;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One line per request when its response ends: method, path, status and latency, with the request's
 * Cloud Trace id (from {@code X-Cloud-Trace-Context}) so Cloud Logging groups the line under its
 * trace.
 */
final class RequestLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("http.access");
  private static final String TRACE_HEADER = "X-Cloud-Trace-Context";

  private final String projectId;

  RequestLog(String projectId) {
    this.projectId = projectId;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    String trace = trace(ctx.request().getHeader(TRACE_HEADER));
    ctx.addEndHandler(
        done -> {
          if (trace != null) {
            MDC.put(CloudLoggingLayout.TRACE, trace);
          }
          try {
            LOG.info(
                "{} {} {} {} ms",
                ctx.request().method(),
                ctx.request().path(),
                ctx.response().getStatusCode(),
                String.format("%.1f", (System.nanoTime() - started) / 1e6));
          } finally {
            MDC.remove(CloudLoggingLayout.TRACE);
          }
        });
    ctx.next();
  }

  /** {@code TRACE_ID/SPAN_ID;o=1} to {@code projects/PROJECT/traces/TRACE_ID}. */
  String trace(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String traceId = header.split("[/;]", 2)[0].trim();
    if (!traceId.matches("[0-9a-fA-F]{1,32}")) {
      return null;
    }
    return projectId == null ? traceId : "projects/" + projectId + "/traces/" + traceId;
  }
}
