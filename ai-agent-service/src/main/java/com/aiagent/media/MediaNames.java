package com.aiagent.media;

import java.util.UUID;
import java.util.regex.Pattern;

/** The only file names the media store writes or reads: a lowercase UUID and {@code .webp}. */
public final class MediaNames {
  /** Where the HTTP API serves stored pictures: {@code PUBLIC_PATH + name}. */
  public static final String PUBLIC_PATH = "/v1/media/";

  private static final Pattern NAME =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.webp");

  private MediaNames() {}

  public static boolean isValid(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** The ETag of a stored picture: names are never reused, so the name is a strong validator. */
  public static String etag(String name) {
    return "\"" + name.substring(0, name.length() - ".webp".length()) + "\"";
  }

  public static String newName() {
    return UUID.randomUUID() + ".webp";
  }
}
