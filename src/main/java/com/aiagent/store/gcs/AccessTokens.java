package com.aiagent.store.gcs;

import com.aiagent.config.AppConfig;
import com.google.auth.oauth2.GoogleCredentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Bearer tokens for Cloud Storage: the configured static one (a fake, or {@code gcloud auth
 * print-access-token}), else Application Default Credentials, refreshed on a worker thread since a
 * refresh is a blocking HTTP call.
 */
final class AccessTokens {
  private static final List<String> SCOPE =
      List.of("https://www.googleapis.com/auth/devstorage.read_write");

  private final Vertx vertx;
  private final String fixed;
  private final String credentialsFile;
  private GoogleCredentials credentials;

  AccessTokens(Vertx vertx, AppConfig config) {
    this.vertx = vertx;
    this.fixed = config.gcs().accessToken();
    this.credentialsFile = config.gcp().credentialsFile();
  }

  Future<String> current() {
    if (fixed != null) {
      return Future.succeededFuture(fixed);
    }
    return vertx.executeBlocking(
        () -> {
          synchronized (this) {
            if (credentials == null) {
              credentials = load();
            }
            credentials.refreshIfExpired();
            return credentials.getAccessToken().getTokenValue();
          }
        },
        false);
  }

  private GoogleCredentials load() {
    try {
      if (credentialsFile != null) {
        try (InputStream in = new FileInputStream(credentialsFile)) {
          return GoogleCredentials.fromStream(in).createScoped(SCOPE);
        }
      }
      return GoogleCredentials.getApplicationDefault().createScoped(SCOPE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cloud Storage has no credentials: set GCS_ACCESS_TOKEN or GOOGLE_APPLICATION_CREDENTIALS,"
              + " or run where Application Default Credentials exist ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
