package com.aiagent.bus;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/** Registers each message record's codec once per Vert.x instance, whichever module asks first. */
public final class BusCodecs {
  private static final String REGISTRY = "ai-agent.bus.codecs";

  private BusCodecs() {}

  @SafeVarargs
  public static synchronized void register(Vertx vertx, Class<? extends Record>... types) {
    LocalMap<String, Boolean> registered = vertx.sharedData().getLocalMap(REGISTRY);
    for (Class<? extends Record> type : types) {
      if (registered.putIfAbsent(type.getName(), Boolean.TRUE) == null) {
        registerOne(vertx, type);
      }
    }
  }

  private static <T extends Record> void registerOne(Vertx vertx, Class<T> type) {
    vertx.eventBus().registerDefaultCodec(type, new RecordCodec<>(type));
  }
}
