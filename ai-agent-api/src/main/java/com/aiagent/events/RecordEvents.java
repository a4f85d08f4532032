package com.aiagent.events;

import java.util.List;

/** A batch of user events to record: 1 to {@code events.max_batch} of them. */
public record RecordEvents(List<EventInput> events) {}
