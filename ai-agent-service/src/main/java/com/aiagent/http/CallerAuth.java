package com.aiagent.http;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.config.Caller;
import io.vertx.core.Handler;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Tells who is calling, per {@link AppConfig.Auth#mode()}: nobody in {@code open} mode; the caller
 * whose API key is sent as {@code Authorization: Bearer KEY} (or {@code X-API-Key}) in {@code
 * api_keys} mode; in {@code iam} mode the principal ({@code email}, else {@code sub}) of the Google
 * ID token that Cloud Run IAM verified before the request reached the service. A caller acts only
 * for its users ({@link #actFor}).
 */
final class CallerAuth {
  private static final String CALLER = "ai-agent.caller";

  private final AppConfig.Auth auth;

  CallerAuth(AppConfig.Auth auth) {
    this.auth = auth;
  }

  /** For the write endpoints: a caller is required unless the service is open. */
  Handler<RoutingContext> writes() {
    return ctx -> identify(ctx, true);
  }

  /** For reads of user data: a caller is required unless reads are open. */
  Handler<RoutingContext> reads() {
    return ctx -> identify(ctx, !auth.openReads());
  }

  private void identify(RoutingContext ctx, boolean required) {
    if (auth.open()) {
      ctx.next();
      return;
    }
    String credential = credential(ctx);
    if (credential == null) {
      if (required) {
        refuse(
            ctx,
            "api_keys".equals(auth.mode())
                ? "send the caller's API key as Authorization: Bearer <key>"
                : "call through Cloud Run with an identity token of an allowed principal");
      } else {
        ctx.next();
      }
      return;
    }
    Optional<Caller> caller =
        "api_keys".equals(auth.mode()) ? byKey(credential) : byPrincipal(credential);
    if (caller.isEmpty()) {
      // A credential that is sent is checked even where none is needed: a wrong key is a bug the
      // client should hear about, not a silent anonymous read.
      refuse(ctx, "api_keys".equals(auth.mode()) ? "unknown API key" : "principal not allowed");
      return;
    }
    ctx.put(CALLER, caller.get());
    ctx.next();
  }

  private String credential(RoutingContext ctx) {
    if ("api_keys".equals(auth.mode())) {
      String key = ctx.request().getHeader("X-API-Key");
      return key != null && !key.isBlank()
          ? key.strip()
          : bearer(ctx.request().getHeader("Authorization"));
    }
    // Cloud Run checks X-Serverless-Authorization first when a client sends both.
    String serverless = bearer(ctx.request().getHeader("X-Serverless-Authorization"));
    return serverless != null ? serverless : bearer(ctx.request().getHeader("Authorization"));
  }

  private static String bearer(String header) {
    if (header == null || header.length() < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String value = header.substring(7).strip();
    return value.isEmpty() ? null : value;
  }

  private Optional<Caller> byKey(String key) {
    Caller found = null;
    String presented = Caller.sha256(key);
    for (Caller caller : auth.callers()) {
      // Every key is compared, so the time taken does not tell which one nearly matched.
      if (caller.hasKeyHash(presented)) {
        found = caller;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The token's principal. Its signature and audience were checked by Cloud Run IAM (the service is
   * deployed without --allow-unauthenticated in this mode); this only reads the claims.
   */
  private Optional<Caller> byPrincipal(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Optional.empty();
    }
    JsonObject claims;
    try {
      claims =
          new JsonObject(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | DecodeException e) {
      return Optional.empty();
    }
    String email = claims.getValue("email") instanceof String s ? s : null;
    String subject = claims.getValue("sub") instanceof String s ? s : null;
    return auth.callers().stream()
        .filter(c -> c.name().equals(email) || c.name().equals(subject))
        .findFirst();
  }

  private static void refuse(RoutingContext ctx, String message) {
    ctx.response().putHeader("WWW-Authenticate", "Bearer");
    ApiError.send(ctx, ErrorCode.UNAUTHORIZED, message);
  }

  /** The authenticated caller's name, or null when the request has none. */
  static String name(RoutingContext ctx) {
    Caller caller = ctx.get(CALLER);
    return caller == null ? null : caller.name();
  }

  /** Fails with 403 when the request's caller may not act for {@code userId}. */
  static void actFor(RoutingContext ctx, String userId) {
    Caller caller = ctx.get(CALLER);
    if (caller != null && userId != null && !caller.actsFor(userId)) {
      throw new ServiceFailure(
          ErrorCode.FORBIDDEN,
          "caller '" + caller.name() + "' may not act for user_id '" + userId + "'");
    }
  }
}
