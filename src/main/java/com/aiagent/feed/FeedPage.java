package com.aiagent.feed;

import java.util.List;

/** A page of the feed; {@code nextCursor} is null on the last page. */
public record FeedPage(String userId, List<FeedItem> items, String nextCursor) {}
