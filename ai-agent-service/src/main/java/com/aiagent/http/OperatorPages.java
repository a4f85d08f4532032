package com.aiagent.http;

import com.aiagent.config.AppConfig;
import com.aiagent.metrics.AppMetrics;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What operators and client teams read: {@code GET /metrics} (Prometheus text; a caller is needed
 * outside the open mode, as for writes) and the API's contract: {@code GET /openapi.json} (OpenAPI
 * 3.1, Korean and English descriptions; {@code OpenApiContractTest} checks the service's answers
 * against it) and {@code GET /docs}, a Swagger UI served from its webjar, no CDN.
 */
final class OperatorPages {
  private static final String DOCUMENT = "openapi/openapi.json";
  private static final String PAGE = "openapi/docs.html";
  private static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private OperatorPages() {}

  static void route(Router router, AppConfig.Metrics metrics, CallerAuth auth) {
    if (metrics.enabled() && AppMetrics.enabled()) {
      router.get(metrics.path()).handler(auth.writes()).handler(PrometheusScrapingHandler.create());
    }
    router
        .route("/openapi.json")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(
            ctx -> ctx.response().putHeader("Content-Type", HttpVerticle.JSON).sendFile(DOCUMENT));
    router
        .route("/docs")
        .method(HttpMethod.GET)
        .method(HttpMethod.HEAD)
        .handler(
            ctx ->
                ctx.response()
                    .putHeader("Content-Type", "text/html; charset=utf-8")
                    .sendFile(PAGE));
    router
        .route("/docs/assets/*")
        .handler(
            StaticHandler.create("META-INF/resources/webjars/swagger-ui/" + webjarVersion())
                .setCachingEnabled(true));
  }

  /** The Swagger UI version the build packed, from its webjar (so no version is written twice). */
  private static String webjarVersion() {
    try (InputStream in = OperatorPages.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
      if (in == null) {
        throw new IllegalStateException("the swagger-ui webjar is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
