package com.aiagent.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** The web console's pages, scripts and the font it shows Hangul in. */
final class ConsolePages {
  private ConsolePages() {}

  static void route(Router router) {
    // The web console (resources/webroot) and the card font it shows Hangul in, after the API; on
    // their own paths only, so other paths keep their JSON 404 and 405 answers. The console's files
    // are not cached, so a new revision's console shows at once; the font never changes.
    router
        .route("/")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(StaticHandler.create("webroot").setCachingEnabled(false));
    router
        .route("/assets/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(StaticHandler.create("webroot/assets").setCachingEnabled(false));
    router
        .route("/fonts/*")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(StaticHandler.create("fonts"));
  }
}
