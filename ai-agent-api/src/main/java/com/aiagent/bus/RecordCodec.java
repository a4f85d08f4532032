package com.aiagent.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes an immutable message record by reference inside one JVM, and as JSON over a clustered bus.
 * Records are immutable, so handing over the same object is safe and skips copying vectors. The
 * codec's name, which travels with every message, carries the contract's version ({@value
 * #VERSION}): a member or client built on another version has no codec of that name, so its message
 * fails at once with a clear error instead of being misread.
 */
public final class RecordCodec<T extends Record> implements MessageCodec<T, T> {
  /** The bus contract's version; raised whenever a record changes shape. */
  public static final int VERSION = 1;

  private final Class<T> type;

  public RecordCodec(Class<T> type) {
    this.type = type;
  }

  @Override
  public void encodeToWire(Buffer buffer, T value) {
    Buffer json = BusJson.encode(value);
    buffer.appendInt(json.length());
    buffer.appendBuffer(json);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    return BusJson.decode(buffer.getBuffer(pos + 4, pos + 4 + length), type);
  }

  @Override
  public T transform(T value) {
    return value;
  }

  @Override
  public String name() {
    return name(type);
  }

  /** {@code ai-agent/v1/com.aiagent.feed.FeedRequest}. */
  public static String name(Class<? extends Record> type) {
    return "ai-agent/v" + VERSION + "/" + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
