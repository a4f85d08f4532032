package com.aiagent.vertex;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Bearer tokens for Google's REST calls made without an SDK: a configured static token (a local
 * fake, or {@code gcloud auth print-access-token}), else the credentials file or Application
 * Default Credentials, loaded and refreshed on a worker thread since both are blocking I/O.
 */
public final class AccessTokens {
  private final Vertx vertx;
  private final String fixed;
  private final String credentialsFile;
  private final List<String> scopes;
  private final String service;
  private final String tokenVariable;
  private GoogleCredentials credentials;
  private volatile AccessToken token;

  /** A token closer than this to its expiry is refreshed before use (the library's own margin). */
  private static final long MARGIN_MS = 5 * 60_000;

  /**
   * {@code fixed}: a token to send as is (null: credentials), set by {@code tokenVariable}; {@code
   * service} and that variable are named in the error a missing credential raises.
   */
  public AccessTokens(
      Vertx vertx,
      String fixed,
      String credentialsFile,
      List<String> scopes,
      String service,
      String tokenVariable) {
    this.vertx = vertx;
    this.fixed = fixed;
    this.credentialsFile = credentialsFile;
    this.scopes = List.copyOf(scopes);
    this.service = service;
    this.tokenVariable = tokenVariable;
  }

  /**
   * The token to send now: the one in hand while it has more than {@value #MARGIN_MS} ms to live
   * (no thread hop), else one loaded or refreshed on a worker.
   */
  public Future<String> current() {
    if (fixed != null) {
      return Future.succeededFuture(fixed);
    }
    AccessToken held = token;
    if (held != null
        && held.getExpirationTime() != null
        && held.getExpirationTime().getTime() - System.currentTimeMillis() > MARGIN_MS) {
      return Future.succeededFuture(held.getTokenValue());
    }
    return vertx.executeBlocking(
        () -> {
          synchronized (this) {
            if (credentials == null) {
              credentials = credentials(null, credentialsFile, scopes, service, tokenVariable);
            }
            credentials.refreshIfExpired();
            token = credentials.getAccessToken();
            return token.getTokenValue();
          }
        },
        false);
  }

  /**
   * Google credentials: {@code fixed} as a token that never expires when it is set (e.g. from
   * {@code gcloud auth print-access-token}), else the credentials file, else Application Default
   * Credentials, scoped to {@code scopes}. Blocking I/O: call it off the event loop.
   */
  static GoogleCredentials credentials(
      String fixed,
      String credentialsFile,
      List<String> scopes,
      String service,
      String tokenVariable) {
    if (fixed != null) {
      return GoogleCredentials.create(new AccessToken(fixed, null));
    }
    try {
      if (credentialsFile != null) {
        try (InputStream in = new FileInputStream(credentialsFile)) {
          return GoogleCredentials.fromStream(in).createScoped(scopes);
        }
      }
      return GoogleCredentials.getApplicationDefault().createScoped(scopes);
    } catch (IOException e) {
      throw new UncheckedIOException(
          service
              + " has no credentials: set "
              + tokenVariable
              + " or GOOGLE_APPLICATION_CREDENTIALS,"
              + " or run where Application Default Credentials exist ("
              + e.getMessage()
              + ")",
          e);
    }
  }
}
