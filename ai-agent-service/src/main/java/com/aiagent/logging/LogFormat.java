package com.aiagent.logging;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the log format before the first logger exists: JSON lines in staging and production (or
 * with {@code LOG_FORMAT=json}), plain lines otherwise.
 */
public final class LogFormat {
  private static final String JSON_CONFIG = "logback-json.xml";

  private static final List<String> FORMATS = List.of("plain", "json");
  private static final List<String> LEVELS =
      List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private LogFormat() {}

  /**
   * What is wrong with {@code LOG_FORMAT} or {@code LOG_LEVEL}, if anything: logback would take an
   * unknown level or format without a word and log at its defaults.
   */
  public static Optional<String> problem(Map<String, String> env) {
    String format = env.getOrDefault("LOG_FORMAT", "").trim().toLowerCase(Locale.ROOT);
    if (!format.isEmpty() && !FORMATS.contains(format)) {
      return Optional.of(
          "LOG_FORMAT: expected one of plain, json, got '" + env.get("LOG_FORMAT") + "'");
    }
    String level = env.getOrDefault("LOG_LEVEL", "").trim().toUpperCase(Locale.ROOT);
    if (!level.isEmpty() && !LEVELS.contains(level)) {
      return Optional.of(
          "LOG_LEVEL: expected one of "
              + String.join(", ", LEVELS)
              + ", got '"
              + env.get("LOG_LEVEL")
              + "'");
    }
    return Optional.empty();
  }

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
