package com.aiagent.generation;

/**
 * Asks for an AI-written post. {@code generateImage} null means yes. {@code baseUrl} is the origin
 * the caller was reached at (e.g. {@code http://localhost:8000}), used for absolute image URLs when
 * no public base URL is configured.
 */
public record GenerateFeedRequest(
    String userId, String prompt, Boolean generateImage, String baseUrl) {}
