package com.aiagent.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One client allowed to call the write endpoints: its name (what the rate limit counts against and
 * the log names), how it proves itself (the SHA-256 of its API key, or its IAM principal), the
 * users it may act for ({@code *} for all, exact ids, or prefixes ending in {@code *}) and its
 * generated posts a minute.
 *
 * <p>Written in config as comma-separated entries: {@code API_KEYS} holds {@code
 * name:key[:users[:per_minute]]}, {@code AUTH_IAM_CALLERS} holds {@code
 * principal[:users[:per_minute]]}; users are {@code |}-separated. No users part means all users.
 */
public record Caller(String name, String keySha256, List<String> users, int perMinute) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,128}");
  private static final Pattern USER = Pattern.compile("[A-Za-z0-9_.-]{1,64}\\*?|\\*");
  private static final int MIN_KEY_CHARS = 16;

  public Caller {
    users = List.copyOf(users);
  }

  /** Whether this caller may act for {@code userId}. */
  public boolean actsFor(String userId) {
    for (String allowed : users) {
      if (allowed.equals("*")
          || allowed.equals(userId)
          || (allowed.endsWith("*")
              && userId.startsWith(allowed.substring(0, allowed.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code presentedSha256}, the SHA-256 of a presented key ({@link #sha256}), is this
   * caller's (compared in constant time).
   */
  public boolean hasKeyHash(String presentedSha256) {
    return keySha256 != null
        && MessageDigest.isEqual(
            presentedSha256.getBytes(StandardCharsets.US_ASCII),
            keySha256.getBytes(StandardCharsets.US_ASCII));
  }

  public static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  /** {@code name:key[:users[:per_minute]],...}; {@code source} names the variable in errors. */
  static List<Caller> parseApiKeys(String raw, String source, int defaultPerMinute) {
    return parse(raw, source, defaultPerMinute, true);
  }

  /** {@code principal[:users[:per_minute]],...}. */
  static List<Caller> parseIamPrincipals(String raw, String source, int defaultPerMinute) {
    return parse(raw, source, defaultPerMinute, false);
  }

  private static List<Caller> parse(
      String raw, String source, int defaultPerMinute, boolean withKey) {
    List<Caller> callers = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<String> keys = new HashSet<>();
    if (raw == null || raw.isBlank()) {
      return callers;
    }
    int position = 0;
    for (String entry : raw.split(",")) {
      position++;
      String where = source + " entry " + position;
      String[] parts = entry.strip().split(":", -1);
      int at = 0;
      String name = parts[at++].strip();
      if (!NAME.matcher(name).matches()) {
        throw new ConfigException(where + ": a caller name of letters, digits and _.@- expected");
      }
      if (!names.add(name)) {
        throw new ConfigException(where + ": caller '" + name + "' is listed twice");
      }
      String keySha256 = null;
      if (withKey) {
        String key = parts.length > at ? parts[at++].strip() : "";
        if (key.length() < MIN_KEY_CHARS) {
          throw new ConfigException(
              where
                  + ": the key of '"
                  + name
                  + "' must have at least "
                  + MIN_KEY_CHARS
                  + " characters");
        }
        keySha256 = sha256(key);
        if (!keys.add(keySha256)) {
          throw new ConfigException(where + ": two callers share one key");
        }
      }
      List<String> users = List.of("*");
      if (parts.length > at && !parts[at].isBlank()) {
        users = List.of(parts[at].strip().split("\\|"));
        for (String user : users) {
          if (!USER.matcher(user).matches()) {
            throw new ConfigException(
                where + ": '" + user + "' is not a user id, a prefix ending in * or *");
          }
        }
      }
      at++;
      int perMinute = defaultPerMinute;
      if (parts.length > at) {
        try {
          perMinute = Integer.parseInt(parts[at].strip());
        } catch (NumberFormatException e) {
          perMinute = -1;
        }
        if (perMinute < 0 || perMinute > 100_000) {
          throw new ConfigException(where + ": per_minute must be a whole number from 0 to 100000");
        }
      }
      if (parts.length > at + 1) {
        throw new ConfigException(where + ": too many ':'-separated parts");
      }
      callers.add(new Caller(name, keySha256, users, perMinute));
    }
    return callers;
  }

  /** Never the key's hash in logs. */
  @Override
  public String toString() {
    return "Caller[" + name + ", users=" + users + ", perMinute=" + perMinute + "]";
  }
}
