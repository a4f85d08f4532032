package com.aiagent;

import com.aiagent.config.AppConfig;
import com.aiagent.store.Stores;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.function.Consumer;

/** Lets tests in other packages run the package-private commands as Main does. */
public final class CommandsAccess {
  private CommandsAccess() {}

  public static Future<String> generateEmbeddings(
      Vertx vertx, AppConfig config, Stores stores, boolean all, Consumer<String> progress) {
    return Commands.generateEmbeddings(vertx, config, stores, all, false, progress);
  }

  /** {@code generate-embeddings --target vector-search}. */
  public static Future<String> generateEmbeddingsIntoVectorSearch(
      Vertx vertx, AppConfig config, Stores stores, Consumer<String> progress) {
    return Commands.generateEmbeddings(vertx, config, stores, false, true, progress);
  }
}
