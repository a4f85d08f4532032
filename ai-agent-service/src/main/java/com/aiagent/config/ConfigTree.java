package com.aiagent.config;

import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The merged configuration tree ({@code conf/defaults.json} with the environment's overlay and the
 * environment variables on top) and its typed readers. Every read checks its value; a bad or
 * missing one fails with a line naming the variable that set it, or else the file and key.
 */
abstract class ConfigTree {
  /** The file every environment starts from. */
  static final String DEFAULTS = "conf/defaults.json";

  private final JsonObject json;
  private final JsonObject overlay;
  private final Map<String, String> sources = new HashMap<>();
  private final String file;

  ConfigTree(JsonObject defaults, JsonObject overlay, String file) {
    this.json = defaults.copy().mergeIn(overlay, true);
    this.overlay = overlay;
    this.file = file;
  }

  /** Sets {@code path} to {@code value}, as set by environment variable {@code variable}. */
  void set(String path, String variable, String value) {
    String[] parts = path.split("\\.");
    JsonObject node = json;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonObject child = node.getJsonObject(parts[i]);
      if (child == null) {
        child = new JsonObject();
        node.put(parts[i], child);
      }
      node = child;
    }
    node.put(parts[parts.length - 1], value);
    sources.put(path, variable);
  }

  String source(String path) {
    String variable = sources.get(path);
    if (variable != null) {
      return variable;
    }
    return (contains(overlay, path) ? file : DEFAULTS) + " " + path;
  }

  static boolean contains(JsonObject tree, String path) {
    Object node = tree;
    for (String part : path.split("\\.")) {
      if (!(node instanceof JsonObject object) || !object.containsKey(part)) {
        return false;
      }
      node = object.getValue(part);
    }
    return true;
  }

  Object value(String path) {
    String[] parts = path.split("\\.");
    Object node = json;
    for (String part : parts) {
      if (!(node instanceof JsonObject object) || !object.containsKey(part)) {
        throw new ConfigException(source(path) + ": missing");
      }
      node = object.getValue(part);
    }
    return node;
  }

  ConfigException invalid(String path, String expected) {
    return new ConfigException(
        source(path)
            + ": expected "
            + expected
            + ", got '"
            + String.valueOf(value(path)).replaceAll("\\p{Cntrl}", "?")
            + "'");
  }

  int integer(String path, int min, int max) {
    Object raw = value(path);
    long parsed;
    if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
      parsed = number.longValue();
    } else if (raw instanceof String s && s.matches("-?\\d{1,10}")) {
      parsed = Long.parseLong(s);
    } else {
      throw invalid(path, "a whole number from " + min + " to " + max);
    }
    if (parsed < min || parsed > max) {
      throw invalid(path, "a whole number from " + min + " to " + max);
    }
    return (int) parsed;
  }

  double decimal(String path, double min, double max) {
    Object raw = value(path);
    double parsed;
    try {
      parsed =
          raw instanceof Number number ? number.doubleValue() : Double.parseDouble((String) raw);
    } catch (RuntimeException e) {
      throw invalid(path, "a number from " + min + " to " + max);
    }
    if (!(parsed >= min && parsed <= max)) {
      throw invalid(path, "a number from " + min + " to " + max);
    }
    return parsed;
  }

  boolean bool(String path) {
    Object raw = value(path);
    if (raw instanceof Boolean b) {
      return b;
    }
    if (raw instanceof String s) {
      return EnvOverrides.parseBoolean(s).orElseThrow(() -> invalid(path, "true or false"));
    }
    throw invalid(path, "true or false");
  }

  String text(String path) {
    Object raw = value(path);
    if (!(raw instanceof String s) || s.isBlank()) {
      throw invalid(path, "a non-empty string");
    }
    return s;
  }

  String optionalText(String path) {
    Object raw = valueOrNull(path);
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String s)) {
      throw invalid(path, "a string");
    }
    return s.isBlank() ? null : s;
  }

  Object valueOrNull(String path) {
    String[] parts = path.split("\\.");
    Object node = json;
    for (String part : parts) {
      if (!(node instanceof JsonObject object)) {
        return null;
      }
      node = object.getValue(part);
    }
    return node;
  }

  String optionalUrl(String path) {
    String url = optionalText(path);
    if (url == null) {
      return null;
    }
    if (!url.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
      throw invalid(path, "an absolute http(s) URL");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Comma-separated origins such as {@code https://ads.example.com}; empty: CORS off. */
  List<String> origins(String path) {
    String raw = optionalText(path);
    if (raw == null) {
      return List.of();
    }
    List<String> origins = new java.util.ArrayList<>();
    for (String part : raw.split(",")) {
      String origin = part.strip();
      if (!origin.matches("https?://[A-Za-z0-9.-]{1,253}(:\\d{1,5})?")) {
        throw new ConfigException(
            source(path) + ": '" + origin + "' is not an origin such as https://ads.example.com");
      }
      origins.add(origin);
    }
    return List.copyOf(origins);
  }

  /** Comma-separated hosts: {@code name}, {@code name:port} or {@code .suffix}; empty: none. */
  List<String> hosts(String path) {
    String raw = optionalText(path);
    if (raw == null) {
      return List.of();
    }
    List<String> hosts = new java.util.ArrayList<>();
    for (String part : raw.split(",")) {
      String host = part.strip().toLowerCase(Locale.ROOT);
      if (!host.matches("\\.?[a-z0-9.-]{1,253}(:\\d{1,5})?")) {
        throw new ConfigException(
            source(path) + ": '" + part.strip() + "' is not a host, host:port or .suffix");
      }
      hosts.add(host);
    }
    return List.copyOf(hosts);
  }

  List<Integer> statuses(String path) {
    Object raw = value(path);
    List<?> items =
        raw instanceof io.vertx.core.json.JsonArray array
            ? array.getList()
            : raw instanceof String s ? List.of(s.split(",", -1)) : null;
    if (items == null || items.isEmpty()) {
      throw invalid(path, "a list of HTTP statuses such as 429,503");
    }
    List<Integer> statuses = new java.util.ArrayList<>();
    for (Object item : items) {
      String text = String.valueOf(item).strip();
      if (!text.matches("[1-5]\\d\\d")) {
        throw invalid(path, "a list of HTTP statuses such as 429,503");
      }
      statuses.add(Integer.parseInt(text));
    }
    return List.copyOf(statuses);
  }

  String oneOf(String path, String... allowed) {
    String raw = text(path).toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(raw)) {
        return raw;
      }
    }
    throw invalid(path, "one of " + String.join(", ", allowed) + " (available in this build)");
  }

  String optionalRedisUrl(String path) {
    String url = optionalText(path);
    if (url != null && !url.matches("rediss?://\\S+")) {
      throw invalid(path, "a redis:// URL");
    }
    return url;
  }

  java.time.ZoneId zone(String path) {
    try {
      return java.time.ZoneId.of(text(path));
    } catch (java.time.DateTimeException e) {
      throw invalid(path, "a time zone such as Asia/Seoul or UTC");
    }
  }

  String neo4jUri(String path) {
    String uri = text(path);
    if (!uri.matches("(bolt|neo4j)(\\+s|\\+ssc)?://[^/\\s]+/?")) {
      throw invalid(path, "a bolt:// or neo4j:// URI (optionally +s or +ssc), host and port");
    }
    return uri;
  }

  AppConfig.StoreKind storeKind(String path) {
    String raw = oneOf(path, "memory", "postgres", "neo4j");
    return AppConfig.StoreKind.valueOf(raw.toUpperCase(Locale.ROOT));
  }
}
