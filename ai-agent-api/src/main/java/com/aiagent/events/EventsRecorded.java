package com.aiagent.events;

import java.util.List;

/**
 * What became of a batch: {@code accepted} events were new and applied, {@code duplicate} ones had
 * been recorded before (by user and event id) and changed nothing, and each rejected one says why.
 */
public record EventsRecorded(
    int accepted, int duplicate, int rejected, List<Rejection> rejections) {

  /** The event at {@code index} of the batch (with its {@code eventId}, if any) and why not. */
  public record Rejection(int index, String eventId, String reason) {}
}
