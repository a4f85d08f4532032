package com.aiagent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code DATABASE_URL} as libpq and Cloud SQL write it, split into the {@code postgres.*} keys it
 * sets ({@code user}, {@code password}, {@code host}, {@code port}, {@code database}, {@code
 * ssl_mode}).
 */
final class DatabaseUrl {
  private DatabaseUrl() {}

  /**
   * The keys of {@code postgresql://user:password@host:port/database?sslmode=...}, as libpq writes
   * it.
   */
  static Map<String, String> parse(String raw) {
    URI uri;
    try {
      uri = new URI(raw);
    } catch (URISyntaxException e) {
      throw new ConfigException("DATABASE_URL: not a URL");
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new ConfigException(
          "DATABASE_URL: expected postgresql://user:password@host:port/database");
    }
    Map<String, String> parts = new HashMap<>();
    // Parsed by hand: java.net.URI drops the user info of "user:pass@/db" (no host), the form
    // libpq and Cloud SQL use with ?host=/cloudsql/...
    String authority = uri.getRawAuthority() == null ? "" : uri.getRawAuthority();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String[] user = authority.substring(0, at).split(":", 2);
      parts.put("user", decode(user[0]));
      if (user.length == 2) {
        parts.put("password", decode(user[1]));
      }
    }
    String hostPort = authority.substring(at + 1);
    if (!hostPort.isEmpty()) {
      int colon = hostPort.lastIndexOf(':');
      boolean hasPort = colon > hostPort.lastIndexOf(']');
      parts.put("host", hasPort ? hostPort.substring(0, colon) : hostPort);
      if (hasPort) {
        parts.put("port", hostPort.substring(colon + 1));
      }
    }
    if (uri.getRawPath() != null && uri.getRawPath().length() > 1) {
      parts.put("database", decode(uri.getRawPath().substring(1)));
    }
    if (uri.getQuery() != null) {
      for (String pair : uri.getQuery().split("&")) {
        if (pair.startsWith("sslmode=")) {
          parts.put("ssl_mode", pair.substring("sslmode=".length()));
        } else if (pair.startsWith("host=")) {
          // libpq's form for a Unix socket directory, e.g. host=/cloudsql/PROJECT:REGION:INSTANCE
          parts.put("host", decode(pair.substring("host=".length())));
        }
      }
    }
    return parts;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
