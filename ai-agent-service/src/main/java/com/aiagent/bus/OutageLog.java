package com.aiagent.bus;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * One warning per source per interval while a dependency is down, not a stack trace per request:
 * the first failure is logged with its cause's text, later ones are counted and reported with the
 * next warning.
 */
public final class OutageLog {
  private final Logger log;
  private final long intervalMs;
  private final LongSupplier clockMs;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  private static final class Window {
    long startedMs;
    final AtomicLong suppressed = new AtomicLong();

    Window(long startedMs) {
      this.startedMs = startedMs;
    }
  }

  public OutageLog(Logger log, long intervalMs, LongSupplier clockMs) {
    this.log = log;
    this.intervalMs = intervalMs;
    this.clockMs = clockMs;
  }

  /** Logs or counts one failure of {@code source}; true when it was logged. */
  public boolean warn(String source, Throwable error) {
    long now = clockMs.getAsLong();
    boolean[] logged = {false};
    long[] suppressed = {0};
    windows.compute(
        source,
        (key, window) -> {
          if (window == null || now - window.startedMs >= intervalMs) {
            logged[0] = true;
            suppressed[0] = window == null ? 0 : window.suppressed.get();
            return new Window(now);
          }
          window.suppressed.incrementAndGet();
          return window;
        });
    if (logged[0]) {
      log.warn(
          "{} unavailable: {}{}",
          source,
          describe(error),
          suppressed[0] > 0 ? " (" + suppressed[0] + " more failures since the last warning)" : "");
    }
    return logged[0];
  }

  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? "" : ": " + root.getMessage();
    return root.getClass().getSimpleName() + text;
  }
}
