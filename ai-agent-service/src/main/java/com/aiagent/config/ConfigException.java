package com.aiagent.config;

/** Bad configuration: the message is the one line printed before the service refuses to start. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
