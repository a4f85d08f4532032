package com.aiagent.store.pg;

import com.aiagent.store.FeedCandidates;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a stored candidate list, {@code {"contents": [[...], ...], "ads": [[...], ...]}} as {@link
 * FeedSql#build} writes it, straight from its JSON text with Jackson's streaming parser: it is
 * decoded on every uncached first page, and going through a tree of maps first cost more than the
 * rest of the page.
 */
final class CandidatesDocument {
  private static final JsonFactory JSON = new JsonFactory();

  private CandidatesDocument() {}

  static FeedCandidates read(Instant builtAt, String document) {
    List<FeedCandidates.ContentCandidate> contents = new ArrayList<>();
    List<FeedCandidates.AdCandidate> ads = new ArrayList<>();
    try (JsonParser p = JSON.createParser(document)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        expect(p.nextToken(), JsonToken.START_ARRAY);
        while (p.nextToken() == JsonToken.START_ARRAY) {
          if ("contents".equals(field)) {
            contents.add(content(p));
          } else if ("ads".equals(field)) {
            ads.add(ad(p));
          } else {
            p.skipChildren();
          }
          expect(p.nextToken(), JsonToken.END_ARRAY);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("stored feed candidates unreadable", e);
    }
    return new FeedCandidates(builtAt, List.copyOf(contents), List.copyOf(ads));
  }

  private static FeedCandidates.ContentCandidate content(JsonParser p) throws IOException {
    return new FeedCandidates.ContentCandidate(
        text(p), text(p), text(p), text(p), instant(p), decimal(p), flag(p), whole(p), orNull(p));
  }

  private static FeedCandidates.AdCandidate ad(JsonParser p) throws IOException {
    return new FeedCandidates.AdCandidate(
        text(p),
        text(p),
        text(p),
        text(p),
        decimal(p),
        instant(p),
        instant(p),
        orNull(p),
        wholeOrNull(p),
        decimal(p));
  }

  private static String text(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    return t == JsonToken.VALUE_NULL ? null : p.getValueAsString();
  }

  /** Epoch milliseconds; ISO-8601 in lists stored before the compact format. */
  private static Instant instant(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    return t == JsonToken.VALUE_NUMBER_INT
        ? Instant.ofEpochMilli(p.getLongValue())
        : OffsetDateTime.parse(p.getText()).toInstant();
  }

  private static double decimal(JsonParser p) throws IOException {
    p.nextToken();
    return p.getValueAsDouble();
  }

  private static Double orNull(JsonParser p) throws IOException {
    return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getValueAsDouble();
  }

  private static boolean flag(JsonParser p) throws IOException {
    return p.nextToken() == JsonToken.VALUE_TRUE;
  }

  private static int whole(JsonParser p) throws IOException {
    p.nextToken();
    return p.getValueAsInt();
  }

  private static Integer wholeOrNull(JsonParser p) throws IOException {
    return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getValueAsInt();
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + ", found " + actual);
    }
  }
}
