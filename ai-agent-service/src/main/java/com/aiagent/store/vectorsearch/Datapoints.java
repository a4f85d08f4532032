package com.aiagent.store.vectorsearch;

import com.aiagent.store.ItemType;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorMatch;
import com.aiagent.store.VectorMath;
import com.aiagent.store.VectorQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The REST bodies of Vector Search as this service writes them. A datapoint's id is {@code
 * <type>:<item id>} (the catalog's tables may reuse an id across types); it carries restricts
 * {@code type}, {@code category} (when it has one) and {@code active}, and numeric restricts {@code
 * live_from}/{@code live_until} in epoch seconds (0 and the int64 maximum for items always live).
 * Bounds are rounded inwards (start up, end down) and the query's time down, so the index never
 * shows an item outside its window. Vectors travel L2-normalized: on an index built for {@code
 * DOT_PRODUCT_DISTANCE} a neighbour's {@code distance} is then its cosine similarity.
 */
final class Datapoints {
  private Datapoints() {}

  static String datapointId(ItemType type, String id) {
    return type.name().toLowerCase(Locale.ROOT) + ":" + id;
  }

  static JsonObject upsert(List<VectorEntry> entries) {
    JsonArray datapoints = new JsonArray();
    for (VectorEntry entry : entries) {
      JsonArray restricts =
          new JsonArray()
              .add(restrict("type", entry.type().name().toLowerCase(Locale.ROOT)))
              .add(restrict("active", String.valueOf(entry.active())));
      if (entry.category() != null) {
        restricts.add(restrict("category", entry.category()));
      }
      datapoints.add(
          new JsonObject()
              .put("datapointId", datapointId(entry.type(), entry.id()))
              .put("featureVector", vector(VectorMath.normalized(entry.vector())))
              .put("restricts", restricts)
              .put(
                  "numericRestricts",
                  new JsonArray()
                      .add(numeric("live_from", startSecond(entry.liveFrom()), null))
                      .add(numeric("live_until", endSecond(entry.liveUntil()), null))));
    }
    return new JsonObject().put("datapoints", datapoints);
  }

  static JsonObject findNeighbors(String deployedIndexId, VectorQuery query) {
    JsonArray restricts =
        new JsonArray().add(restrict("type", query.type().name().toLowerCase(Locale.ROOT)));
    if (query.category() != null) {
      restricts.add(restrict("category", query.category()));
    }
    JsonObject datapoint =
        new JsonObject()
            .put("datapointId", "query")
            .put("featureVector", vector(VectorMath.normalized(query.vector())))
            .put("restricts", restricts);
    if (query.liveAt() != null) {
      long now = query.liveAt().getEpochSecond();
      restricts.add(restrict("active", "true"));
      datapoint.put(
          "numericRestricts",
          new JsonArray()
              .add(numeric("live_from", now, "LESS_EQUAL"))
              .add(numeric("live_until", now, "GREATER")));
    }
    return new JsonObject()
        .put("deployedIndexId", deployedIndexId)
        .put(
            "queries",
            new JsonArray()
                .add(new JsonObject().put("datapoint", datapoint).put("neighborCount", query.k())))
        .put("returnFullDatapoint", false);
  }

  /** The neighbours of the one query, best first, as matches of {@code type}. */
  static List<VectorMatch> matches(JsonObject answer, ItemType type) {
    List<VectorMatch> result = new ArrayList<>();
    JsonArray nearest = answer.getJsonArray("nearestNeighbors", new JsonArray());
    if (nearest.isEmpty()) {
      return result;
    }
    String prefix = datapointId(type, "");
    for (Object item : nearest.getJsonObject(0).getJsonArray("neighbors", new JsonArray())) {
      JsonObject neighbor = (JsonObject) item;
      String id = neighbor.getJsonObject("datapoint").getString("datapointId");
      if (id != null && id.startsWith(prefix)) {
        result.add(
            new VectorMatch(id.substring(prefix.length()), type, neighbor.getDouble("distance")));
      }
    }
    return result;
  }

  private static JsonObject restrict(String namespace, String value) {
    return new JsonObject()
        .put("namespace", namespace)
        .put("allowList", new JsonArray().add(value));
  }

  /** {@code valueInt} is an int64, which JSON carries as a string. */
  private static JsonObject numeric(String namespace, long value, String op) {
    JsonObject restrict =
        new JsonObject().put("namespace", namespace).put("valueInt", Long.toString(value));
    return op == null ? restrict : restrict.put("op", op);
  }

  private static long startSecond(Instant start) {
    if (start == null) {
      return 0;
    }
    return start.getNano() == 0 ? start.getEpochSecond() : start.getEpochSecond() + 1;
  }

  private static long endSecond(Instant end) {
    return end == null ? Long.MAX_VALUE : end.getEpochSecond();
  }

  private static JsonArray vector(float[] values) {
    JsonArray array = new JsonArray();
    for (float v : values) {
      array.add(v);
    }
    return array;
  }
}
