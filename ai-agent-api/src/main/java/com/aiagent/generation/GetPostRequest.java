package com.aiagent.generation;

/** Asks for a generated post by id; {@code baseUrl} as in {@link GenerateFeedRequest}. */
public record GetPostRequest(String id, String baseUrl) {}
