package com.aiagent.generation;

import com.aiagent.bus.ErrorCode;
import com.aiagent.bus.ServiceFailure;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The time one generate-feed request may take, started when it arrives. Each step gets its
 * configured part or what is left, whichever is less; a step that would start after the budget is
 * spent fails with {@code timeout} instead, so nothing is stored for a request the caller gave up
 * on. {@code reserveMs} is kept back for saving the post, the last step.
 */
final class RequestBudget {
  private final LongSupplier nanoTime;
  private final long budgetMs;
  private final long stepsEndNanos;

  private RequestBudget(LongSupplier nanoTime, long budgetMs, long reserveMs) {
    this.nanoTime = nanoTime;
    this.budgetMs = budgetMs;
    this.stepsEndNanos = nanoTime.getAsLong() + TimeUnit.MILLISECONDS.toNanos(budgetMs - reserveMs);
  }

  static RequestBudget start(LongSupplier nanoTime, long budgetMs, long reserveMs) {
    return new RequestBudget(nanoTime, budgetMs, reserveMs);
  }

  /** Milliseconds left for the steps before the save; zero or less when spent. */
  long remainingMs() {
    return TimeUnit.NANOSECONDS.toMillis(stepsEndNanos - nanoTime.getAsLong());
  }

  /** The time {@code step} may take, at most {@code partMs}; fails once the budget is spent. */
  long forStep(String step, long partMs) {
    long left = remainingMs();
    if (left <= 0) {
      throw spent(step);
    }
    return Math.min(partMs, left);
  }

  /** Fails with {@code timeout} when the budget was spent before {@code step}. */
  void check(String step) {
    if (remainingMs() <= 0) {
      throw spent(step);
    }
  }

  private ServiceFailure spent(String step) {
    return new ServiceFailure(
        ErrorCode.TIMEOUT, "generation used its " + budgetMs + " ms before " + step);
  }
}
