package com.aiagent.bus;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A failure a caller is meant to see: it carries its code and a message safe to show a client. */
public final class ServiceFailure extends RuntimeException {
  /** How a rate-limit failure carries its wait across the bus, where a failure is code and text. */
  private static final Pattern RETRY_AFTER = Pattern.compile("\\(retry after (\\d+) s\\)$");

  private final ErrorCode code;

  public ServiceFailure(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static ServiceFailure badRequest(String message) {
    return new ServiceFailure(ErrorCode.BAD_REQUEST, message);
  }

  public static ServiceFailure notFound(String message) {
    return new ServiceFailure(ErrorCode.NOT_FOUND, message);
  }

  public static ServiceFailure rateLimited(String message, long retryAfterSeconds) {
    return new ServiceFailure(
        ErrorCode.RATE_LIMITED, message + " (retry after " + retryAfterSeconds + " s)");
  }

  /** For a rate-limit failure, the seconds to wait before trying again. */
  public OptionalLong retryAfterSeconds() {
    if (code != ErrorCode.RATE_LIMITED || getMessage() == null) {
      return OptionalLong.empty();
    }
    Matcher m = RETRY_AFTER.matcher(getMessage());
    return m.find() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
