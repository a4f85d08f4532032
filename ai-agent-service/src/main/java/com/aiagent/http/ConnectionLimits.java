package com.aiagent.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two limits the idle timeout cannot give: at most {@code http.max_connections} open connections
 * per instance (one more is answered 503 and closed, so a flood of sockets cannot starve {@code
 * /health} of descriptors), and a request head must arrive whole within {@code
 * http.header_timeout_ms} of the connection opening or of its first byte after a response (a client
 * trickling headers one byte at a time, which resets the idle timer forever, gets 408 and is
 * closed). Both answers are the usual JSON error. Reached through Vert.x's {@code ConnectionBase},
 * as {@link FramingGuard} is.
 */
final class ConnectionLimits {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimits.class);

  /** Open connections per listening port: the HTTP verticle instances of one server share it. */
  private static final ConcurrentMap<Integer, AtomicInteger> OPEN = new ConcurrentHashMap<>();

  private final AtomicInteger open;
  private final int maxConnections;
  private final long headerTimeoutMs;

  ConnectionLimits(int port, int maxConnections, long headerTimeoutMs) {
    this.open = OPEN.computeIfAbsent(port, p -> new AtomicInteger());
    this.maxConnections = maxConnections;
    this.headerTimeoutMs = headerTimeoutMs;
  }

  void install(HttpConnection connection) {
    int count = open.incrementAndGet();
    connection.closeHandler(v -> open.decrementAndGet());
    if (!(connection instanceof ConnectionBase base)) {
      return;
    }
    ChannelHandlerContext vertxHandler = base.channelHandlerContext();
    if (maxConnections > 0 && count > maxConnections) {
      LOG.warn("{} connections open (limit {}): refusing one", count, maxConnections);
      answer(
          vertxHandler,
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          "unavailable",
          "too many connections; retry shortly");
      return;
    }
    ChannelPipeline pipeline = vertxHandler.pipeline();
    if (headerTimeoutMs > 0 && pipeline.get("httpDecoder") != null) {
      HeadClock clock = new HeadClock(vertxHandler);
      pipeline.addFirst("ai-agent-head-bytes", clock.bytes);
      pipeline.addBefore("handler", "ai-agent-head-done", clock.heads);
    }
  }

  /** Writes a JSON error through the HTTP encoder and closes the connection. */
  private static void answer(
      ChannelHandlerContext ctx, HttpResponseStatus status, String code, String message) {
    FullHttpResponse response = ApiError.closing(status, code, message);
    if (status == HttpResponseStatus.SERVICE_UNAVAILABLE) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
    }
    // Written just past the encoder: the compressor behind it refuses a response to no request.
    ChannelPipeline pipeline = ctx.pipeline();
    List<String> names = pipeline.names();
    int encoder = names.indexOf("httpEncoder");
    ChannelHandlerContext next =
        encoder >= 0 && encoder + 1 < names.size()
            ? pipeline.context(names.get(encoder + 1))
            : null;
    (next != null ? next : ctx).writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /**
   * Times each request head from its first byte (seen before the decoder) to its decoding (seen
   * after it); between a response and the next request's first byte nothing is timed, which is the
   * idle timeout's business.
   */
  private final class HeadClock {
    private final ChannelHandlerContext vertxHandler;
    private boolean timing;

    /** Requests read whose responses have not ended (more than one when a client pipelines). */
    private int inProgress;

    private ScheduledFuture<?> deadline;

    final ChannelInboundHandlerAdapter bytes =
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!timing && inProgress == 0) {
              start(ctx);
            }
            ctx.fireChannelRead(msg);
          }

          @Override
          public void channelInactive(ChannelHandlerContext ctx) {
            cancel();
            ctx.fireChannelInactive();
          }
        };

    final ChannelDuplexHandler heads =
        new ChannelDuplexHandler() {
          @Override
          public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest) {
              cancel();
              inProgress++;
            }
            ctx.fireChannelRead(msg);
          }

          @Override
          public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof LastHttpContent) {
              inProgress = Math.max(0, inProgress - 1);
            }
            ctx.write(msg, promise);
          }
        };

    HeadClock(ChannelHandlerContext vertxHandler) {
      this.vertxHandler = vertxHandler;
    }

    private void start(ChannelHandlerContext ctx) {
      timing = true;
      deadline = ctx.executor().schedule(this::expire, headerTimeoutMs, TimeUnit.MILLISECONDS);
    }

    private void cancel() {
      timing = false;
      if (deadline != null) {
        deadline.cancel(false);
        deadline = null;
      }
    }

    private void expire() {
      if (timing && inProgress == 0) {
        LOG.info("a request head took over {} ms: closing the connection", headerTimeoutMs);
        answer(
            vertxHandler,
            HttpResponseStatus.REQUEST_TIMEOUT,
            "request_timeout",
            "the request head did not arrive within " + headerTimeoutMs + " ms");
      }
    }
  }
}
