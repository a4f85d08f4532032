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
 * trace, and its request id: the client's {@code X-Request-Id} when it is a sane token, else the
 * trace id, else a new one. Every response carries it back in {@code X-Request-Id}, and the HTTP
 * layer's error lines name it.
 */
final class RequestLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("http.access");
  private static final String TRACE_HEADER = "X-Cloud-Trace-Context";
  private static final String ID_HEADER = "X-Request-Id";
  private static final java.util.regex.Pattern ID =
      java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final String ID_KEY = "ai-agent.request-id";

  private final String projectId;

  RequestLog(String projectId) {
    this.projectId = projectId;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    String traceHeader = ctx.request().getHeader(TRACE_HEADER);
    String trace = trace(traceHeader);
    String id = requestId(ctx.request().getHeader(ID_HEADER), traceHeader);
    ctx.put(ID_KEY, id);
    ctx.addHeadersEndHandler(v -> ctx.response().putHeader(ID_HEADER, id));
    ctx.addEndHandler(
        done -> {
          if (trace != null) {
            MDC.put(CloudLoggingLayout.TRACE, trace);
          }
          MDC.put(CloudLoggingLayout.REQUEST_ID, id);
          try {
            LOG.info(
                "{} {} {} {} ms",
                ctx.request().method(),
                ctx.request().path(),
                ctx.response().getStatusCode(),
                String.format("%.1f", (System.nanoTime() - started) / 1e6));
          } finally {
            MDC.remove(CloudLoggingLayout.TRACE);
            MDC.remove(CloudLoggingLayout.REQUEST_ID);
          }
        });
    ctx.next();
  }

  static String requestId(String header, String traceHeader) {
    if (header != null && ID.matcher(header.strip()).matches()) {
      return header.strip();
    }
    if (traceHeader != null) {
      String traceId = traceHeader.split("[/;]", 2)[0].trim();
      if (traceId.matches("[0-9a-fA-F]{1,32}")) {
        return traceId;
      }
    }
    return java.util.UUID.randomUUID().toString().replace("-", "");
  }

  /** The request id {@link #handle} gave this request (null before it ran). */
  static String id(RoutingContext ctx) {
    return ctx.get(ID_KEY);
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
