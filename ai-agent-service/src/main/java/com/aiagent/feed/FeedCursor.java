package com.aiagent.feed;

import com.aiagent.bus.ServiceFailure;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Where the next page starts: the position in the ranked list, the instant the first page was
 * ranked at, the walk it belongs to (the user and the page size), and the position in the followed
 * authors' AI-generated posts ({@code aiUpTo}, {@code aiAfterId}: the last one shown, or with a
 * null id the instant the walk began). Every page of one walk is ranked as of that instant and AI
 * posts are walked newest first from their own position, so items cannot shift between pages and
 * following the cursor never repeats one; a cursor is refused for another user or another limit.
 * Opaque to clients (base64url).
 */
public record FeedCursor(
    int offset, Instant asOf, int limit, String userId, Instant aiUpTo, String aiAfterId) {
  private static final String VERSION = "v3";

  /** The version before AI posts; still read, so a walk survives a rolling deploy. */
  private static final String PREVIOUS = "v2";

  private static final String NO_ID = "-";

  /** AI posts are keyed by lowercase UUIDs; the walk compares them as PostgreSQL orders uuid. */
  private static final Pattern POST_ID =
      Pattern.compile("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

  /** A cursor that has shown no AI post, whose AI posts start at {@code asOf}. */
  public FeedCursor(int offset, Instant asOf, int limit, String userId) {
    this(offset, asOf, limit, userId, asOf, null);
  }

  public String encode() {
    String raw =
        VERSION
            + ":"
            + asOf.toEpochMilli()
            + ":"
            + offset
            + ":"
            + limit
            + ":"
            + walk(userId)
            + ":"
            + aiUpTo.toEpochMilli()
            + ":"
            + (aiAfterId == null ? NO_ID : aiAfterId);
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
    boolean current = parts.length == 7 && VERSION.equals(parts[0]);
    boolean previous = parts.length == 5 && PREVIOUS.equals(parts[0]);
    if (!current && !previous) {
      throw invalid();
    }
    try {
      Instant asOf = Instant.ofEpochMilli(Long.parseLong(parts[1]));
      int offset = Integer.parseInt(parts[2]);
      Instant aiUpTo = current ? Instant.ofEpochMilli(Long.parseLong(parts[5])) : asOf;
      String aiAfterId = current && !NO_ID.equals(parts[6]) ? parts[6] : null;
      // A cursor moves past at least one item: a ranked one or an AI post.
      if (offset < 0
          || (offset == 0 && aiAfterId == null)
          || (aiAfterId != null && !POST_ID.matcher(aiAfterId).matches())) {
        throw invalid();
      }
      // aiUpTo may lie a little ahead of this instance's clock (made by another instance); a
      // later one only admits posts published since the walk began, which is harmless.
      if (asOf.isAfter(now)) {
        throw invalid();
      }
      if (!parts[4].equals(walk(userId))) {
        throw ServiceFailure.badRequest("cursor belongs to another user's feed");
      }
      if (Integer.parseInt(parts[3]) != limit) {
        throw ServiceFailure.badRequest(
            "cursor was made for limit " + parts[3] + "; keep the limit while following it");
      }
      return new FeedCursor(offset, asOf, limit, userId, aiUpTo, aiAfterId);
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
