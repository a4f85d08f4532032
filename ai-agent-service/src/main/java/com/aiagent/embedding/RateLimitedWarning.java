package com.aiagent.embedding;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * At most one warning per kind of problem per interval, saying how many like it were not logged: a
 * Redis outage must show in the log without writing a line per lookup.
 */
final class RateLimitedWarning {
  private record Slot(AtomicLong lastMs, AtomicLong suppressed) {}

  private final Logger log;
  private final long intervalMs;
  private final LongSupplier clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();

  RateLimitedWarning(Logger log, long intervalMs, LongSupplier clock) {
    this.log = log;
    this.intervalMs = intervalMs;
    this.clock = clock;
  }

  void warn(String kind, String message, Throwable cause) {
    Slot slot =
        slots.computeIfAbsent(
            kind, k -> new Slot(new AtomicLong(Long.MIN_VALUE), new AtomicLong()));
    long now = clock.getAsLong();
    long last = slot.lastMs().get();
    boolean due = last == Long.MIN_VALUE || now - last >= intervalMs;
    if (due && slot.lastMs().compareAndSet(last, now)) {
      long skipped = slot.suppressed().getAndSet(0);
      log.warn(
          "{}{}{}",
          message,
          cause == null ? "" : " (" + cause.getMessage() + ")",
          skipped == 0 ? "" : "; " + skipped + " more like it since the last warning");
    } else {
      slot.suppressed().incrementAndGet();
    }
  }
}
