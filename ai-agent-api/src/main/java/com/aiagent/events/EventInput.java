package com.aiagent.events;

import io.vertx.core.json.JsonObject;

/**
 * One event as a client sent it, not yet checked: {@code ts} is ISO-8601 (or epoch milliseconds).
 * {@code problem} is set when the client's JSON could not even be read as an event (a value that is
 * not an object, a field of the wrong type), so that event is rejected with that reason and the
 * rest of its batch still counts.
 */
public record EventInput(
    String eventId, String userId, String type, String itemId, String ts, String problem) {

  public EventInput(String eventId, String userId, String type, String itemId, String ts) {
    this(eventId, userId, type, itemId, ts, null);
  }

  /** Reads one element of a client's {@code events} array. */
  public static EventInput fromJson(Object element) {
    if (!(element instanceof JsonObject json)) {
      return new EventInput(null, null, null, null, null, "each event must be a JSON object");
    }
    String eventId = json.getValue("event_id") instanceof String s ? s : null;
    for (String field : new String[] {"event_id", "user_id", "type", "item_id"}) {
      Object value = json.getValue(field);
      if (value != null && !(value instanceof String)) {
        return new EventInput(eventId, null, null, null, null, field + " must be a string");
      }
    }
    Object ts = json.getValue("ts");
    if (ts != null && !(ts instanceof String) && !(ts instanceof Number)) {
      return new EventInput(
          eventId, null, null, null, null, "ts must be an ISO-8601 instant or epoch milliseconds");
    }
    return new EventInput(
        eventId,
        json.getString("user_id"),
        json.getString("type"),
        json.getString("item_id"),
        ts == null ? null : ts instanceof Number n ? String.valueOf(n.longValue()) : (String) ts,
        null);
  }
}
