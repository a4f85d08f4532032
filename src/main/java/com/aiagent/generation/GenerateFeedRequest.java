package com.aiagent.generation;

/**
 * Asks for an AI-written post. {@code generateImage} null means yes. {@code baseUrl} is the origin
 * the caller was reached at (e.g. {@code http://localhost:8000}), used for absolute image URLs when
 * no public base URL is configured. {@code caller} (optional) is the authenticated caller the rate
 * limit counts against; without it the limit counts against {@code userId}.
 */
public record GenerateFeedRequest(
    String userId, String prompt, Boolean generateImage, String baseUrl, String caller) {

  /** A request without a caller identity: limited per user. */
  public GenerateFeedRequest(String userId, String prompt, Boolean generateImage, String baseUrl) {
    this(userId, prompt, generateImage, baseUrl, null);
  }
}
