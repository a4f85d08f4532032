package com.aiagent.logging;

import java.util.Locale;
import java.util.Map;

/**
 * Picks the log format before the first logger exists: JSON lines in staging and production (or
 * with {@code LOG_FORMAT=json}), plain lines otherwise.
 */
public final class LogFormat {
  private static final String JSON_CONFIG = "logback-json.xml";

  private LogFormat() {}

  public static boolean json(Map<String, String> env) {
    String format = env.getOrDefault("LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
    if (!format.isEmpty()) {
      return format.equals("json");
    }
    String appEnv = env.getOrDefault("APP_ENV", "").trim().toLowerCase(Locale.ROOT);
    return appEnv.equals("staging") || appEnv.equals("production");
  }

  /** Call first thing in main, before anything logs. */
  public static void apply(Map<String, String> env) {
    if (json(env) && System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", JSON_CONFIG);
    }
  }
}
