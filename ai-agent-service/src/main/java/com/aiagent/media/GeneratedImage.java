package com.aiagent.media;

/**
 * The outcome of a picture request. {@code file} is a {@code <uuid>.webp} name, or null when no
 * picture was made, and then {@code status} says why.
 */
public record GeneratedImage(String file, String status, String provider) {
  public static final String GENERATED = "generated";
  public static final String DISABLED = "disabled";
  public static final String FAILED = "failed";
}
