package com.aiagent.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One line per request when its response ends: method, path, status and latency. */
final class RequestLog implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger("http.access");

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(
        done ->
            LOG.info(
                "{} {} {} {} ms",
                ctx.request().method(),
                ctx.request().path(),
                ctx.response().getStatusCode(),
                String.format("%.1f", (System.nanoTime() - started) / 1e6)));
    ctx.next();
  }
}
