package com.aiagent.bus;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON shape of every message and response: snake_case keys, ISO-8601 instants, nulls left
 * out. The HTTP API and the clustered bus both write through it, so they cannot drift apart.
 */
public final class BusJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private BusJson() {}

  public static Buffer encode(Object value) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static <T> T decode(Buffer bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes.getBytes(), type);
    } catch (IOException e) {
      throw ServiceFailure.badRequest(
          "malformed " + type.getSimpleName() + ": " + originalMessage(e));
    }
  }

  private static String originalMessage(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe
        ? jpe.getOriginalMessage()
        : e.getMessage();
  }

  public static JsonObject toJsonObject(Object value) {
    return new JsonObject(encode(value));
  }

  public static <T> T fromJsonObject(JsonObject json, Class<T> type) {
    return decode(json.toBuffer(), type);
  }
}
