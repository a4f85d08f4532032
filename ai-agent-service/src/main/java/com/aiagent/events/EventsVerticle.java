package com.aiagent.events;

import com.aiagent.bus.BusEndpoint;
import com.aiagent.bus.HealthStatus;
import com.aiagent.config.AppConfig;
import com.aiagent.feed.FeedClient;
import com.aiagent.store.CatalogStore;
import com.aiagent.store.EventStore;
import com.aiagent.store.PostStore;
import com.aiagent.store.VectorStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.Map;

/** Serves {@code events.record} with an {@link EventRecorder}; tells the feed who changed. */
public final class EventsVerticle extends VerticleBase {
  private final AppConfig config;
  private final CatalogStore catalog;
  private final VectorStore vectors;
  private final EventStore events;
  private final PostStore posts;

  public EventsVerticle(
      AppConfig config,
      CatalogStore catalog,
      VectorStore vectors,
      EventStore events,
      PostStore posts) {
    this.config = config;
    this.catalog = catalog;
    this.vectors = vectors;
    this.events = events;
    this.posts = posts;
  }

  @Override
  public Future<?> start() {
    EventsClient.registerCodecs(vertx);
    FeedClient feed = new FeedClient(vertx, config.bus().feedTimeoutMs());
    EventRecorder recorder =
        new EventRecorder(
            config, catalog, vectors, events, posts, feed::userChanged, Clock.systemUTC());
    return Future.all(
        BusEndpoint.serve(vertx, EventsAddresses.RECORD, RecordEvents.class, recorder::record)
            .completion(),
        BusEndpoint.serveHealth(
                vertx,
                EventsAddresses.HEALTH,
                () ->
                    Future.succeededFuture(
                        HealthStatus.up(
                            true, Map.of("event_store", events.getClass().getSimpleName()))))
            .completion());
  }
}
