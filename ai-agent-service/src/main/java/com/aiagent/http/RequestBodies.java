package com.aiagent.http;

import com.aiagent.bus.RequestChecks;
import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.events.EventInput;
import com.aiagent.events.RecordEvents;
import com.aiagent.generation.GenerateFeedRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks the bodies of the write endpoints into bus requests; a body that is not one
 * becomes a {@link ServiceFailure} with a message the client can act on, before anything leaves the
 * HTTP verticle.
 */
final class RequestBodies {
  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  /**
   * Jackson as RFC 8259 reads: comments refused (its default), a key given twice refused, nothing
   * after the value.
   */
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final AppConfig config;

  RequestBodies(AppConfig config) {
    this.config = config;
  }

  /**
   * A generate-feed body: {@code user_id}, {@code prompt}, optional {@code generate_image} and
   * {@code publish}; {@code caller} is the authenticated caller (null: none), whose rate limit the
   * request counts against.
   */
  GenerateFeedRequest generateFeed(RoutingContext ctx, String caller) {
    Object decoded = decode(ctx);
    if (!(decoded instanceof JsonObject body)) {
      throw ServiceFailure.badRequest(
          "body must be a JSON object with user_id and prompt"
              + (decoded instanceof JsonArray ? ", not an array" : ""));
    }
    String userId = RequestChecks.userId(body.getValue("user_id"));
    String prompt =
        RequestChecks.prompt(body.getValue("prompt"), config.generation().maxPromptChars());
    Object generateImage = body.getValue("generate_image");
    if (generateImage != null && !(generateImage instanceof Boolean)) {
      throw ServiceFailure.badRequest("generate_image must be true or false");
    }
    Object publish = body.getValue("publish");
    if (publish != null && !(publish instanceof Boolean)) {
      throw ServiceFailure.badRequest("publish must be true or false");
    }
    return new GenerateFeedRequest(
        userId, prompt, (Boolean) generateImage, origin(ctx), caller, (Boolean) publish);
  }

  private boolean allowed(String host) {
    List<String> allowed = config.http().allowedHosts();
    if (allowed.isEmpty()) {
      return true;
    }
    String lower = host.toLowerCase(java.util.Locale.ROOT);
    String name = lower.startsWith("[") ? lower : lower.replaceFirst(":\\d+$", "");
    for (String entry : allowed) {
      if (entry.startsWith(".")
          ? name.endsWith(entry)
          : entry.equals(lower) || entry.equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The body must be declared {@code application/json} (media types compare without case, and a
   * charset parameter is fine); {@code *}{@code /*}, a bare {@code json} or none is a 415. Vert.x's
   * {@code consumes} took wildcards and refused upper case.
   */
  static void requireJson(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.equals("application/json")) {
      ctx.next();
    } else {
      ApiError.send(ctx, 415, "unsupported_media_type", "send the body as application/json");
    }
  }

  /**
   * The body as JSON (an object, an array, a value), or null when there is none. Read strictly, as
   * RFC 8259 has it: UTF-8 only (no byte order mark, no UTF-16 or UTF-32, no overlong or otherwise
   * malformed sequences), no comments, no key twice. Vert.x's own decoder accepts comments, and
   * Jackson guesses other encodings.
   */
  private static Object decode(RoutingContext ctx) {
    Buffer raw = ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      return null;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(raw.getBytes()))
              .toString();
    } catch (CharacterCodingException e) {
      throw ServiceFailure.badRequest("body is not valid UTF-8");
    }
    if (text.startsWith("\uFEFF")) {
      throw ServiceFailure.badRequest("body must be UTF-8 JSON without a byte order mark");
    }
    Object value;
    try {
      value = STRICT.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      throw ServiceFailure.badRequest("body is not valid JSON");
    }
    return value instanceof Map<?, ?> map
        ? new JsonObject(cast(map))
        : value instanceof List<?> list ? new JsonArray(list) : value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }

  /** {@code {"events": [...]}} or a bare array of events. */
  RecordEvents events(RoutingContext ctx) {
    Object body = decode(ctx);
    JsonArray list =
        body instanceof JsonArray array
            ? array
            : body instanceof JsonObject object && object.getValue("events") instanceof JsonArray a
                ? a
                : null;
    if (list == null) {
      throw ServiceFailure.badRequest("body must be {\"events\": [...]} or an array of events");
    }
    int max = config.events().maxBatch();
    if (list.isEmpty() || list.size() > max) {
      throw ServiceFailure.badRequest(
          "events must hold 1 to " + max + " events (got " + list.size() + ")");
    }
    List<EventInput> inputs = new ArrayList<>(list.size());
    for (Object element : list) {
      inputs.add(EventInput.fromJson(element));
    }
    return new RecordEvents(List.copyOf(inputs));
  }

  /**
   * The origin the client called, for absolute picture URLs: the Host header, and https when a
   * proxy such as Cloud Run's front end says so in X-Forwarded-Proto. A malformed Host, or one
   * outside {@code http.allowed_hosts} when that is set, gives null (the configured or default base
   * URL is used), so a forged Host never lands in a URL a client is given; X-Forwarded-Host is not
   * trusted.
   */
  String origin(RoutingContext ctx) {
    String host = ctx.request().getHeader("Host");
    if (host == null || !HOST.matcher(host).matches() || !allowed(host)) {
      return null;
    }
    String proto = ctx.request().getHeader("X-Forwarded-Proto");
    String scheme =
        "https".equalsIgnoreCase(proto) ? "https" : ctx.request().isSSL() ? "https" : "http";
    return scheme + "://" + host;
  }
}
