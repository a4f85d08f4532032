package com.aiagent.feed;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis form of a cached ranking: length-prefixed binary fields behind a format byte, about a
 * third of its JSON and far cheaper to write and read. A ranking is written to Redis on every first
 * page that missed the cache (every page, for users who do not come back within the TTL), and as
 * JSON that write cost the feed more CPU than ranking it. Read back only by this class; a value of
 * another format is refused, so an old entry is a miss.
 */
final class RankedCodec {
  /** 2: with the flag of a ranking made without the graph's signals. */
  private static final byte FORMAT = 2;

  private static final long NO_TIME = Long.MIN_VALUE;

  private RankedCodec() {}

  static Buffer encode(FeedCache.Ranked ranked) {
    // Sized for typical items (about 140 bytes each), so the buffer rarely grows by copying.
    Buffer out = Buffer.buffer(16 + 192 * ranked.items().size());
    out.appendByte(FORMAT)
        .appendLong(ranked.asOf().toEpochMilli())
        .appendByte((byte) (ranked.graphMissing() ? 1 : 0))
        .appendInt(ranked.items().size());
    for (RankedItem item : ranked.items()) {
      text(out, item.id());
      text(out, item.type());
      text(out, item.category());
      out.appendDouble(item.score());
      out.appendInt(item.reasons().size());
      item.reasons().forEach(reason -> text(out, reason));
      text(out, item.authorId());
      out.appendLong(item.createdAt() == null ? NO_TIME : item.createdAt().toEpochMilli());
      text(out, item.productId());
      text(out, item.advertiser());
    }
    return out;
  }

  /** The ranking in {@code bytes}; {@link IllegalArgumentException} if they are not one. */
  static FeedCache.Ranked decode(Buffer bytes) {
    if (bytes.length() < 14 || bytes.getByte(0) != FORMAT) {
      throw new IllegalArgumentException("not a ranking of format " + FORMAT);
    }
    try {
      Reader in = new Reader(bytes);
      Instant asOf = Instant.ofEpochMilli(in.number());
      boolean graphMissing = in.flag();
      int size = in.count();
      List<RankedItem> items = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        String id = in.text();
        String type = in.text();
        String category = in.text();
        double score = in.decimal();
        int reasonCount = in.count();
        List<String> reasons = new ArrayList<>(reasonCount);
        for (int r = 0; r < reasonCount; r++) {
          reasons.add(in.text());
        }
        String authorId = in.text();
        long createdAt = in.number();
        items.add(
            new RankedItem(
                id,
                type,
                category,
                score,
                List.copyOf(reasons),
                authorId,
                createdAt == NO_TIME ? null : Instant.ofEpochMilli(createdAt),
                in.text(),
                in.text()));
      }
      if (in.position != bytes.length()) {
        throw new IllegalArgumentException("trailing bytes after the ranking");
      }
      return new FeedCache.Ranked(asOf, List.copyOf(items), graphMissing);
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("truncated ranking", e);
    }
  }

  private static void text(Buffer out, String value) {
    if (value == null) {
      out.appendInt(-1);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.appendInt(bytes.length).appendBytes(bytes);
  }

  private static final class Reader {
    private final Buffer bytes;
    private int position = 1;

    Reader(Buffer bytes) {
      this.bytes = bytes;
    }

    boolean flag() {
      byte value = bytes.getByte(position);
      position += 1;
      return value != 0;
    }

    long number() {
      long value = bytes.getLong(position);
      position += Long.BYTES;
      return value;
    }

    double decimal() {
      double value = bytes.getDouble(position);
      position += Double.BYTES;
      return value;
    }

    int count() {
      int value = bytes.getInt(position);
      position += Integer.BYTES;
      if (value < 0 || value > bytes.length() - position + 1) {
        throw new IllegalArgumentException("bad count " + value);
      }
      return value;
    }

    String text() {
      int length = bytes.getInt(position);
      position += Integer.BYTES;
      if (length == -1) {
        return null;
      }
      if (length < 0 || length > bytes.length() - position) {
        throw new IllegalArgumentException("bad text length " + length);
      }
      String value = bytes.getString(position, position + length, "UTF-8");
      position += length;
      return value;
    }
  }
}
