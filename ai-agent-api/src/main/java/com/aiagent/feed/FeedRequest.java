package com.aiagent.feed;

/**
 * One page of a user's feed; {@code limit} null means the configured default, {@code cursor} null
 * the first page.
 */
public record FeedRequest(String userId, Integer limit, String cursor) {}
