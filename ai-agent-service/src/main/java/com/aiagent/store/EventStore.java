package com.aiagent.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.function.Function;

/** The user events as they came, and what they changed, kept together. */
public interface EventStore {
  /**
   * Keeps the events whose (user, event id) is new and writes the effects that {@code effects}
   * derives from exactly those, all or nothing: a retried batch changes nothing. Answers the new
   * events, in the order given.
   */
  Future<List<UserEvent>> record(
      List<UserEvent> events, Function<List<UserEvent>, EventEffects> effects);

  /** A user's events, oldest first, at most {@code limit}: what a new model is trained from. */
  Future<List<UserEvent>> history(String userId, int limit);

  Future<Long> count();
}
