package com.aiagent.http;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers, at the connection, the malformed requests Vert.x would otherwise drop without a word or
 * answer with an empty body: an HTTP version other than 1.0 and 1.1 (505 instead of Vert.x's empty
 * 501) and a body whose chunked framing is broken (400 instead of a silent close), each as the
 * usual JSON error, and the connection closed. A request sent with {@code Transfer-Encoding} is
 * answered and then its connection closed, with nothing after it read: the decoder frames it by
 * Transfer-Encoding alone and drops any Content-Length beside it, which RFC 9112 (6.3) allows only
 * if the connection then closes, since a proxy that framed it by Content-Length would otherwise see
 * the rest as a second, smuggled request.
 *
 * <p>It sits in the connection's Netty pipeline just before Vert.x's own handler, reached through
 * Vert.x's {@code ConnectionBase} (an implementation class: {@code MalformedRequestsTest} fails if
 * an upgrade moves it, and without it the service still runs, with Vert.x's plainer answers).
 */
final class FramingGuard extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FramingGuard.class);
  private static final String NAME = "ai-agent-framing-guard";
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  /** Whether a request has arrived whose response has not started. */
  private boolean awaitingResponse;

  private boolean refused;

  /** The request in progress came with Transfer-Encoding: close once it is answered. */
  private boolean closeAfterResponse;

  /** That request's body has ended: anything after it on this connection is not read. */
  private boolean ignoreRest;

  /**
   * Puts a guard on {@code connection} (HTTP/1.x); a no-op where the pipeline cannot be reached.
   */
  static void install(HttpConnection connection) {
    if (!(connection instanceof ConnectionBase base)) {
      if (WARNED.compareAndSet(false, true)) {
        LOG.warn(
            "HTTP connections are {}: malformed framing gets Vert.x's own answers",
            connection.getClass().getName());
      }
      return;
    }
    ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
    if (pipeline.get("httpDecoder") != null
        && pipeline.get("handler") != null
        && pipeline.get(NAME) == null) {
      pipeline.addBefore("handler", NAME, new FramingGuard());
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (refused || ignoreRest) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (msg instanceof HttpRequest request) {
      awaitingResponse = true;
      closeAfterResponse = request.headers().contains(HttpHeaderNames.TRANSFER_ENCODING);
      HttpVersion version = request.protocolVersion();
      if (request.decoderResult().isSuccess()
          && !version.equals(HttpVersion.HTTP_1_1)
          && !version.equals(HttpVersion.HTTP_1_0)) {
        ReferenceCountUtil.release(msg);
        refuse(
            ctx,
            HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
            "http_version_not_supported",
            "only HTTP/1.0 and HTTP/1.1 are served, not " + version.text());
        return;
      }
    } else if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
      ReferenceCountUtil.release(msg);
      refuse(
          ctx,
          HttpResponseStatus.BAD_REQUEST,
          "bad_request",
          "malformed request body (chunked framing)");
      return;
    }
    if (closeAfterResponse && msg instanceof LastHttpContent) {
      ignoreRest = true;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      awaitingResponse = false;
      if (closeAfterResponse) {
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      }
    }
    if (closeAfterResponse && msg instanceof LastHttpContent) {
      ctx.write(msg, promise.unvoid()).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    ctx.write(msg, promise);
  }

  private void refuse(
      ChannelHandlerContext ctx, HttpResponseStatus status, String code, String message) {
    refused = true;
    LOG.info("refused a malformed request from {}: {}", ctx.channel().remoteAddress(), message);
    if (!awaitingResponse) {
      ctx.close();
      return;
    }
    FullHttpResponse response = ApiError.closing(status, code, message);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
