package com.aiagent.feed;

import com.aiagent.bus.ServiceFailure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Where the next page starts: the position in the ranked list, the instant the first page was
 * ranked at, and the walk it belongs to (the user and the page size). Every page of one walk is
 * ranked as of that instant, so items cannot shift between pages and following the cursor never
 * repeats one; a cursor is refused for another user or another limit. Opaque to clients
 * (base64url).
 */
public record FeedCursor(int offset, Instant asOf, int limit, String userId) {
  private static final String VERSION = "v2";

  public String encode() {
    String raw =
        VERSION + ":" + asOf.toEpochMilli() + ":" + offset + ":" + limit + ":" + walk(userId);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** Parses a client's cursor; anything not made by {@link #encode()} for this walk is refused. */
  public static FeedCursor decode(String cursor, Instant now, String userId, int limit) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    String[] parts = raw.split(":");
    if (parts.length != 5 || !VERSION.equals(parts[0])) {
      throw invalid();
    }
    try {
      Instant asOf = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      int offset = Integer.parseInt(parts[2]);
      if (offset <= 0 || asOf.isAfter(now)) {
        throw invalid();
      }
      if (!parts[4].equals(walk(userId))) {
        throw ServiceFailure.badRequest("cursor belongs to another user's feed");
      }
      if (Integer.parseInt(parts[3]) != limit) {
        throw ServiceFailure.badRequest(
            "cursor was made for limit " + parts[3] + "; keep the limit while following it");
      }
      return new FeedCursor(offset, asOf, limit, userId);
    } catch (NumberFormatException e) {
      throw invalid();
    }
  }

  private static String walk(String userId) {
    CRC32 crc = new CRC32();
    crc.update(userId.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static ServiceFailure invalid() {
    return ServiceFailure.badRequest("cursor is not valid; use next_cursor from a previous page");
  }
}
