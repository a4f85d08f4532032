package com.aiagent.store;

import java.time.Instant;

/**
 * One accepted user event, as kept for replay; {@code eventId} is the client's, unique per user.
 */
public record UserEvent(String userId, String eventId, EventType type, String itemId, Instant ts) {}
