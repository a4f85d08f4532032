package com.aiagent.media;

import com.aiagent.bus.BusCodecs;
import com.aiagent.bus.BusRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Typed access to the media module over the bus. */
public final class MediaClient {
  private final Vertx vertx;
  private final long timeoutMs;

  public MediaClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    registerCodecs(vertx);
  }

  public static void registerCodecs(Vertx vertx) {
    BusCodecs.register(
        vertx,
        GenerateImageRequest.class,
        GeneratedImage.class,
        MediaFileRequest.class,
        MediaFile.class);
  }

  public Future<GeneratedImage> generate(GenerateImageRequest request) {
    return BusRequests.request(
        vertx, MediaAddresses.GENERATE, request, timeoutMs, GeneratedImage.class);
  }

  public Future<MediaFile> get(String file) {
    return BusRequests.request(
        vertx, MediaAddresses.GET, new MediaFileRequest(file), timeoutMs, MediaFile.class);
  }
}
