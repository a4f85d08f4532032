package com.aiagent.generation;

/**
 * Asks for an AI-written post. {@code generateImage} null means yes. {@code baseUrl} is the origin
 * the caller was reached at (e.g. {@code http://localhost:8000}), used for absolute image URLs when
 * no public base URL is configured. {@code caller} (optional) is the authenticated caller the rate
 * limit counts against; without it the limit counts against {@code userId}. {@code publish} true
 * publishes the post into the author's followers' feeds; null (absent on the bus) means no.
 */
public record GenerateFeedRequest(
    String userId,
    String prompt,
    Boolean generateImage,
    String baseUrl,
    String caller,
    Boolean publish) {

  /** A request without a caller identity: limited per user, not published. */
  public GenerateFeedRequest(String userId, String prompt, Boolean generateImage, String baseUrl) {
    this(userId, prompt, generateImage, baseUrl, null, null);
  }

  /** A request that is not published. */
  public GenerateFeedRequest(
      String userId, String prompt, Boolean generateImage, String baseUrl, String caller) {
    this(userId, prompt, generateImage, baseUrl, caller, null);
  }

  /** Whether the post is to be published into the author's followers' feeds. */
  public boolean publishes() {
    return Boolean.TRUE.equals(publish);
  }
}
