package com.aiagent.events;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Typed access to the events module over the bus. */
public final class EventsClient {
  private final Vertx vertx;
  private final long timeoutMs;

  public EventsClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    registerCodecs(vertx);
  }

  public static void registerCodecs(Vertx vertx) {
    BusCodecs.register(vertx, RecordEvents.class, EventsRecorded.class);
  }

  public Future<EventsRecorded> record(RecordEvents batch) {
    return BusRequests.request(
        vertx, EventsAddresses.RECORD, batch, timeoutMs, EventsRecorded.class);
  }
}
