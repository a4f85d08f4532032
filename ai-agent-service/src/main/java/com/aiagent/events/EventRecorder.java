package com.aiagent.events;

import com.aiagent.bus.ServiceFailure;
import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import com.aiagent.store.Campaign;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.EventStore;
import com.aiagent.store.ItemType;
import com.aiagent.store.PostStore;
import com.aiagent.store.UserEvent;
import com.aiagent.store.VectorStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Records a batch of user events: checks each on its own, looks its user and item up (one round of
 * reads for the whole batch; a published AI-generated post can be shown and hidden), keeps the new
 * ones with their effects in one write, then tells the feed which users changed. A bad event is
 * rejected with its reason and never holds back the good ones of its batch; an event seen before
 * (same user and event id, in this batch or earlier) is a duplicate and changes nothing.
 */
public final class EventRecorder {
  private final AppConfig.Events config;
  private final EventChecks checks;
  private final EventWriteBack writeBack;
  private final CatalogStore catalog;
  private final VectorStore vectors;
  private final EventStore store;
  private final PostStore posts;

  /** Events by result: accepted, duplicate, rejected. */
  private static final String EVENTS = "ai.agent.events";

  private final Consumer<String> userChanged;
  private final Clock clock;

  public EventRecorder(
      AppConfig config,
      CatalogStore catalog,
      VectorStore vectors,
      EventStore store,
      PostStore posts,
      Consumer<String> userChanged,
      Clock clock) {
    this.config = config.events();
    this.checks = new EventChecks(config.events());
    this.writeBack =
        new EventWriteBack(config.events(), config.ads(), config.embedding().dimension());
    this.catalog = catalog;
    this.vectors = vectors;
    this.store = store;
    this.posts = posts;
    this.userChanged = userChanged;
    this.clock = clock;
  }

  public Future<EventsRecorded> record(RecordEvents batch) {
    List<EventInput> inputs = batch == null ? null : batch.events();
    if (inputs == null || inputs.isEmpty() || inputs.size() > config.maxBatch()) {
      throw ServiceFailure.badRequest(
          "events must be an array of 1 to " + config.maxBatch() + " events");
    }
    Instant now = clock.instant();
    List<EventsRecorded.Rejection> rejections = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    List<UserEvent> shaped = new ArrayList<>();
    Set<String> inBatch = new HashSet<>();
    int duplicates = 0;
    for (int i = 0; i < inputs.size(); i++) {
      EventInput input = inputs.get(i);
      EventChecks.Shaped result = checks.shape(input, now);
      if (result.event() == null) {
        rejections.add(
            new EventsRecorded.Rejection(
                i, input == null ? null : input.eventId(), result.reason()));
      } else if (!inBatch.add(result.event().userId() + '\n' + result.event().eventId())) {
        duplicates++;
      } else {
        shaped.add(result.event());
        positions.add(i);
      }
    }
    if (shaped.isEmpty()) {
      return Future.succeededFuture(answer(0, duplicates, rejections));
    }
    Set<String> ids = new LinkedHashSet<>();
    shaped.forEach(
        e -> {
          ids.add(e.userId());
          ids.add(e.itemId());
        });
    List<String> itemIds = shaped.stream().map(UserEvent::itemId).distinct().toList();
    Future<Map<String, ItemType>> kinds = catalog.kinds(List.copyOf(ids));
    Future<List<Campaign>> campaigns = catalog.campaigns(itemIds);
    Future<Map<String, float[]>> itemVectors = vectors.vectors(itemIds);
    Future<Set<String>> publishedPosts = posts.publishedAmong(itemIds);
    final int seenBefore = duplicates;
    return Future.all(kinds, campaigns, itemVectors, publishedPosts)
        .compose(
            all -> {
              List<UserEvent> valid = new ArrayList<>();
              for (int i = 0; i < shaped.size(); i++) {
                UserEvent event = shaped.get(i);
                String reason = checks.references(event, kinds.result(), publishedPosts.result());
                if (reason == null) {
                  valid.add(event);
                } else {
                  rejections.add(
                      new EventsRecorded.Rejection(positions.get(i), event.eventId(), reason));
                }
              }
              Map<String, Campaign> byId =
                  campaigns.result().stream()
                      .collect(Collectors.toMap(Campaign::id, Function.identity(), (a, b) -> a));
              return store
                  .record(
                      valid,
                      fresh -> writeBack.effects(fresh, kinds.result(), byId, itemVectors.result()))
                  .map(
                      fresh -> {
                        fresh.stream().map(UserEvent::userId).distinct().forEach(userChanged);
                        rejections.sort(Comparator.comparingInt(EventsRecorded.Rejection::index));
                        return answer(
                            fresh.size(), seenBefore + valid.size() - fresh.size(), rejections);
                      });
            });
  }

  private static EventsRecorded answer(
      int accepted, int duplicates, List<EventsRecorded.Rejection> rejections) {
    MeterRegistry registry = AppMetrics.registry();
    registry.counter(EVENTS, "result", "accepted").increment(accepted);
    registry.counter(EVENTS, "result", "duplicate").increment(duplicates);
    registry.counter(EVENTS, "result", "rejected").increment(rejections.size());
    return new EventsRecorded(accepted, duplicates, rejections.size(), List.copyOf(rejections));
  }
}
