package com.aiagent.bus;

/** A failure a caller is meant to see: it carries its code and a message safe to show a client. */
public final class ServiceFailure extends RuntimeException {
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
}
