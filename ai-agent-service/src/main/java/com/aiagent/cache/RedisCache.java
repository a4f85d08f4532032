package com.aiagent.cache;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.config.AppConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.types.ErrorType;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Redis connection of the feed cache, the embedding cache and the rate limits, or none
 * when {@code redis.url} is unset. Redis is never required: while it is down every command fails at
 * once (callers fall back to working without it) and {@code cache.health} says DOWN, not the
 * service. A probe PINGs it every {@code redis.probe_interval_ms}, so it comes back by itself when
 * Redis does; the pooled client opens fresh connections for it.
 */
public final class RedisCache extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);

  /** INCR a window counter and give it its expiry on first use, atomically. */
  private static final String INCREMENT_WINDOW =
      "local n = redis.call('INCR', KEYS[1]) "
          + "if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end "
          + "return {n, redis.call('PTTL', KEYS[1])}";

  private final AppConfig.Redis config;
  private Redis client;
  private volatile boolean up;
  private volatile String lastError = "not probed yet";
  private long probeTimer = -1;

  /** Channels this process listens to, and the bus address each one's messages go to. */
  private final Map<String, String> subscriptions = new LinkedHashMap<>();

  private RedisConnection subscriber;
  private boolean subscribing;

  public RedisCache(AppConfig.Redis config) {
    this.config = config;
  }

  public boolean enabled() {
    return config.enabled();
  }

  public boolean isUp() {
    return up;
  }

  /** The key for {@code name} under this deployment's prefix ({@code redis.key_prefix}). */
  public String key(String name) {
    return config.keyPrefix() + name;
  }

  @Override
  public Future<?> start() {
    BusEndpoint.serveHealth(vertx, CacheAddresses.HEALTH, this::health);
    if (!config.enabled()) {
      return Future.succeededFuture();
    }
    client =
        Redis.createClient(
            vertx,
            new RedisOptions()
                .setConnectionString(config.url())
                .setMaxPoolSize(8)
                .setMaxPoolWaiting(1024));
    probeTimer = vertx.setPeriodic(config.probeIntervalMs(), id -> probe());
    // A service whose Redis is down still starts; the probe picks Redis up when it comes.
    return probe()
        .onFailure(
            e ->
                LOG.warn(
                    "Redis at {} is not reachable ({}); serving without it",
                    redactedUrl(),
                    lastError))
        .otherwiseEmpty();
  }

  @Override
  public Future<?> stop() {
    if (probeTimer >= 0) {
      vertx.cancelTimer(probeTimer);
    }
    if (subscriber != null) {
      subscriber.close();
    }
    return client == null ? Future.succeededFuture() : client.close();
  }

  private Future<Void> probe() {
    return client
        .send(Request.cmd(Command.PING))
        .timeout(config.commandTimeoutMs(), TimeUnit.MILLISECONDS)
        .onSuccess(
            pong -> {
              if (!up) {
                LOG.info("Redis at {} is UP", redactedUrl());
              }
              up = true;
              resubscribe();
            })
        .onFailure(this::markDown)
        .mapEmpty();
  }

  private void markDown(Throwable error) {
    lastError = String.valueOf(error.getMessage());
    if (up) {
      LOG.warn("Redis at {} is DOWN ({}); serving without it", redactedUrl(), lastError);
    }
    up = false;
  }

  private Future<HealthStatus> health() {
    Map<String, Object> details = new LinkedHashMap<>();
    if (!config.enabled()) {
      details.put("provider", "none");
      return Future.succeededFuture(HealthStatus.up(false, details));
    }
    details.put("provider", "redis");
    return Future.succeededFuture(
        up ? HealthStatus.up(false, details) : HealthStatus.down(false, details));
  }

  private String redactedUrl() {
    URI uri = URI.create(config.url());
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + ":"
        + (uri.getPort() < 0 ? 6379 : uri.getPort());
  }

  private Future<Response> send(Request request) {
    if (!up) {
      return Future.failedFuture(new IllegalStateException("Redis is down"));
    }
    return client
        .send(request)
        .timeout(config.commandTimeoutMs(), TimeUnit.MILLISECONDS)
        .onFailure(
            error -> {
              // An error reply (e.g. WRONGTYPE) is the command's fault, not a sign Redis is gone.
              if (!(error instanceof ErrorType)) {
                markDown(error);
              }
            });
  }

  /** The value at {@code key}, or null. */
  public Future<Buffer> get(String key) {
    return send(Request.cmd(Command.GET).arg(key)).map(r -> r == null ? null : r.toBuffer());
  }

  /** The values at {@code keys}, in order, null where absent. */
  public Future<List<Buffer>> getAll(List<String> keys) {
    Request request = Request.cmd(Command.MGET);
    keys.forEach(request::arg);
    return send(request)
        .map(
            r -> {
              List<Buffer> values = new ArrayList<>(keys.size());
              for (int i = 0; i < r.size(); i++) {
                Response value = r.get(i);
                values.add(value == null ? null : value.toBuffer());
              }
              return values;
            });
  }

  public Future<Void> set(String key, Buffer value, long ttlMs) {
    return send(Request.cmd(Command.SET).arg(key).arg(value).arg("PX").arg(ttlMs)).mapEmpty();
  }

  public Future<Void> delete(String key) {
    return send(Request.cmd(Command.DEL).arg(key)).mapEmpty();
  }

  /**
   * Runs a Lua script with {@code keys} and {@code args} (each a {@link String} or, for binary
   * values, a {@link Buffer}); answers its reply.
   */
  public Future<Response> eval(String script, List<String> keys, List<?> args) {
    Request request = Request.cmd(Command.EVAL).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    for (Object arg : args) {
      if (arg instanceof Buffer bytes) {
        request.arg(bytes);
      } else {
        request.arg((String) arg);
      }
    }
    return send(request);
  }

  public Future<Void> publish(String channel, String message) {
    return send(Request.cmd(Command.PUBLISH).arg(key(channel)).arg(message)).mapEmpty();
  }

  /**
   * Delivers every message published on {@code channel} (under this deployment's prefix) to the
   * local bus address {@code address}, as the message text. The subscription has a connection of
   * its own; when Redis goes away it is made again once Redis is back.
   */
  public void subscribe(String channel, String address) {
    if (!config.enabled()) {
      return;
    }
    context.runOnContext(
        v -> {
          subscriptions.put(key(channel), address);
          if (subscriber != null) {
            subscriber.send(Request.cmd(Command.SUBSCRIBE).arg(key(channel)));
          } else {
            resubscribe();
          }
        });
  }

  /** (Re)opens the subscriber connection when there are subscriptions and none is open. */
  private void resubscribe() {
    if (subscriptions.isEmpty() || subscriber != null || subscribing) {
      return;
    }
    subscribing = true;
    Redis.createClient(vertx, new RedisOptions().setConnectionString(config.url()))
        .connect()
        .compose(
            conn -> {
              conn.handler(
                  message -> {
                    // A pushed message is [message, channel, payload]; replies to SUBSCRIBE too.
                    if (message.size() == 3 && "message".equals(message.get(0).toString())) {
                      String address = subscriptions.get(message.get(1).toString());
                      if (address != null) {
                        vertx.eventBus().publish(address, message.get(2).toString());
                      }
                    }
                  });
              conn.exceptionHandler(e -> dropSubscriber(conn));
              conn.endHandler(e -> dropSubscriber(conn));
              Request subscribe = Request.cmd(Command.SUBSCRIBE);
              subscriptions.keySet().forEach(subscribe::arg);
              return conn.send(subscribe).map(conn);
            })
        .onComplete(
            done -> {
              subscribing = false;
              if (done.succeeded()) {
                subscriber = done.result();
                LOG.info("listening to Redis channels {}", subscriptions.keySet());
              } else {
                LOG.warn("Redis subscription failed ({}); retrying", done.cause().getMessage());
              }
            });
  }

  private void dropSubscriber(RedisConnection conn) {
    if (subscriber == conn) {
      subscriber = null;
      LOG.warn("Redis subscription lost; it is made again when Redis answers");
    }
  }

  /** Counts one more hit in a window that expires {@code windowMs} after its first hit. */
  public Future<WindowCount> incrementWindow(String key, long windowMs) {
    return send(Request.cmd(Command.EVAL).arg(INCREMENT_WINDOW).arg(1).arg(key).arg(windowMs))
        .map(r -> new WindowCount(r.get(0).toLong(), r.get(1).toLong()));
  }

  /** A window's count so far and the milliseconds until it ends. */
  public record WindowCount(long count, long remainingMs) {}
}
