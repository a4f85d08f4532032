package com.aiagent.store;

import java.util.Locale;
import java.util.Optional;

/** What a user did to an item: the event types {@code POST /v1/events} takes. */
public enum EventType {
  IMPRESSION,
  CLICK,
  LIKE,
  UNLIKE,
  HIDE,
  PURCHASE,
  FOLLOW,
  UNFOLLOW;

  /** The lowercase name clients send and the events table keeps. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EventType> fromWire(String name) {
    for (EventType type : values()) {
      if (type.wireName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
