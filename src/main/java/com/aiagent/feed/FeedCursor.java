package com.aiagent.feed;

import com.aiagent.bus.ServiceFailure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the next page starts: the position in the ranked list and the instant the first page was
 * ranked at. Every page of one walk is ranked as of that instant, so items cannot shift between
 * pages and following the cursor never repeats one. Opaque to clients (base64url).
 */
public record FeedCursor(int offset, Instant asOf) {
  private static final String VERSION = "v1";

  public String encode() {
    String raw = VERSION + ":" + asOf.toEpochMilli() + ":" + offset;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a client's cursor; anything not made by {@link #encode()} is a bad request. */
  public static FeedCursor decode(String cursor, Instant now) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = raw.split(":");
    if (parts.length != 3 || !VERSION.equals(parts[0])) {
      throw invalid();
    }
    try {
      Instant asOf = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      int offset = Integer.parseInt(parts[2]);
      if (offset <= 0 || asOf.isAfter(now)) {
        throw invalid();
      }
      return new FeedCursor(offset, asOf);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static ServiceFailure invalid() {
    return ServiceFailure.badRequest("cursor is not valid; use next_cursor from a previous page");
  }
}
