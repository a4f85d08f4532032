package com.aiagent.bus;

/**
 * The failure codes shared by every module. A bus reply fails with {@link #busCode()}; the HTTP
 * layer answers with {@link #httpStatus()} and {@link #wireName()}.
 */
public enum ErrorCode {
  BAD_REQUEST(400, "bad_request"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  NOT_FOUND(404, "not_found"),
  RATE_LIMITED(429, "rate_limited"),
  INTERNAL(500, "internal"),
  UNAVAILABLE(503, "unavailable"),
  TIMEOUT(504, "timeout");

  private final int httpStatus;
  private final String wireName;

  ErrorCode(int httpStatus, String wireName) {
    this.httpStatus = httpStatus;
    this.wireName = wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String wireName() {
    return wireName;
  }

  /** The bus failure code is the HTTP status, so a plain-JSON peer can read it without a table. */
  public int busCode() {
    return httpStatus;
  }

  public static ErrorCode fromBusCode(int code) {
    for (ErrorCode c : values()) {
      if (c.busCode() == code) {
        return c;
      }
    }
    return INTERNAL;
  }
}
