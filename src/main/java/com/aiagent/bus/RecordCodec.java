package com.aiagent.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Passes an immutable message record by reference inside one JVM, and as JSON over a clustered bus.
 * Records are immutable, so handing over the same object is safe and skips copying vectors.
 */
public final class RecordCodec<T extends Record> implements MessageCodec<T, T> {
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
    return "record:" + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
