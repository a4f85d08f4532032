package com.aiagent.bus;

import java.util.regex.Pattern;

/**
 * The checks every entry point (HTTP or bus) applies to a request's fields before anything else
 * sees them; a failure is a {@link ServiceFailure} with code bad_request and a message naming the
 * field.
 */
public final class RequestChecks {
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Control characters other than tab and line breaks; PostgreSQL text cannot even hold NUL. */
  private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

  private RequestChecks() {}

  public static String userId(Object value) {
    if (!(value instanceof String s) || s.isBlank()) {
      throw ServiceFailure.badRequest("user_id is required and must be a non-empty string");
    }
    String id = s.strip();
    if (!USER_ID.matcher(id).matches()) {
      throw ServiceFailure.badRequest("user_id must be 1 to 64 letters, digits, '_', '-' or '.'");
    }
    return id;
  }

  public static String prompt(Object value, int maxChars) {
    if (!(value instanceof String p) || p.isBlank()) {
      throw ServiceFailure.badRequest("prompt must be a non-empty string");
    }
    int length = p.codePointCount(0, p.length());
    if (length > maxChars) {
      throw ServiceFailure.badRequest(
          "prompt must be at most " + maxChars + " characters (got " + length + ")");
    }
    if (CONTROL.matcher(p).find()) {
      throw ServiceFailure.badRequest("prompt must not contain control characters");
    }
    return p;
  }
}
