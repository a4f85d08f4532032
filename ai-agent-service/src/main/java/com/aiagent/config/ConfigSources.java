package com.aiagent.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.FileSystemException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the configuration's sources through vertx-config, each once (no scan period: the service
 * never reloads its configuration): the variables of {@link EnvOverrides} from the process
 * environment, as strings, and a JSON file from the class path ({@code conf/*.json} in the jar).
 */
final class ConfigSources {
  private ConfigSources() {}

  /** The listed variables that are set in the process environment, as they are set. */
  static Future<Map<String, String>> environment(Vertx vertx, List<String> variables) {
    return read(
            vertx,
            new ConfigStoreOptions()
                .setType("env")
                .setConfig(
                    new JsonObject()
                        .put("raw-data", true)
                        .put("keys", new JsonArray(List.copyOf(variables)))))
        .map(
            json -> {
              Map<String, String> environment = new LinkedHashMap<>();
              json.forEach(e -> environment.put(e.getKey(), String.valueOf(e.getValue())));
              return environment;
            });
  }

  /** The JSON object in {@code path}; a missing or broken file fails with a one-line message. */
  static Future<JsonObject> file(Vertx vertx, String path, String env) {
    return read(
            vertx,
            new ConfigStoreOptions()
                .setType("file")
                .setFormat("json")
                .setConfig(new JsonObject().put("path", path)))
        .recover(
            error ->
                Future.failedFuture(
                    error instanceof DecodeException || error.getCause() instanceof DecodeException
                        ? new ConfigException(
                            path + ": not valid JSON (" + error.getMessage() + ")")
                        : error instanceof FileSystemException
                            ? new ConfigException(
                                "APP_ENV="
                                    + env
                                    + ": no "
                                    + path
                                    + " in this build; available: embedded, local, staging,"
                                    + " production")
                            : error));
  }

  private static Future<JsonObject> read(Vertx vertx, ConfigStoreOptions store) {
    ConfigRetriever retriever =
        ConfigRetriever.create(
            vertx,
            new ConfigRetrieverOptions()
                .setIncludeDefaultStores(false)
                .setScanPeriod(0)
                .addStore(store));
    return retriever
        .getConfig()
        .eventually(
            () -> {
              retriever.close();
              return Future.succeededFuture();
            });
  }
}
