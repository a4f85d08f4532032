package com.aiagent.events;

/** The events module's bus addresses. */
public final class EventsAddresses {
  /** Body: {@link RecordEvents} (or its JSON); reply: {@link EventsRecorded}. */
  public static final String RECORD = "events.record";

  public static final String HEALTH = "events.health";

  private EventsAddresses() {}
}
