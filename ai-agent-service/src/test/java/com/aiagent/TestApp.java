package com.aiagent;

import com.aiagent.config.AppConfig;
import com.aiagent.config.ConfigLoader;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Boots the whole service on the embedded default, on a free port with its own media folder. */
public final class TestApp {
  public final AppConfig config;
  public final Path mediaDir;
  public Stores stores;
  private Application application;

  private TestApp(AppConfig config, Path mediaDir) {
    this.config = config;
    this.mediaDir = mediaDir;
  }

  public static TestApp create(Map<String, String> env) {
    try {
      Path media = Files.createTempDirectory("ai-agent-media");
      Map<String, String> all = new HashMap<>();
      all.put("PORT", String.valueOf(freePort()));
      all.put("MEDIA_DIR", media.toString());
      all.put("HTTP_INSTANCES", "2");
      all.putAll(env);
      return new TestApp(ConfigLoader.load(all), media);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static TestApp create() {
    return create(Map.of());
  }

  /** Opens the stores the config asks for (in memory unless told otherwise) and starts. */
  public Future<Void> start(Vertx vertx) {
    return StoreWiring.open(vertx, config)
        .compose(
            opened -> {
              stores = opened;
              application = new Application(vertx, config, stores);
              return application.start();
            });
  }

  public Future<Void> stop() {
    return application.stop();
  }

  public int port() {
    return config.http().port();
  }

  /** A web client whose requests go to this app. */
  public WebClient client(Vertx vertx) {
    return WebClient.create(
        vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port()));
  }

  /** Waits for {@code future} (a minute at most) and returns its result or throws its failure. */
  public static <T> T await(Future<T> future) throws Exception {
    return future
        .toCompletionStage()
        .toCompletableFuture()
        .get(60, java.util.concurrent.TimeUnit.SECONDS);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
