package com.aiagent.store.vectorsearch;

import static org.assertj.core.api.Assertions.assertThat;

import com.aiagent.store.ItemType;
import com.aiagent.store.VectorEntry;
import com.aiagent.store.VectorQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bodies the store sends, as the wire format in shared/notes/vertex-vector-search.md has it.
 */
class DatapointsTest {
  private static final float[] VECTOR = {3, 4};

  @Test
  void aLiveWindowIsRoundedInwardsToWholeSecondsAndSentAsInt64Strings() {
    VectorEntry campaign =
        new VectorEntry(
            "camp_1",
            ItemType.CAMPAIGN,
            "food",
            true,
            Instant.parse("2026-12-01T00:00:10.500Z"),
            Instant.parse("2026-12-02T00:00:20.500Z"),
            VECTOR,
            "m");
    JsonObject point =
        Datapoints.upsert(List.of(campaign)).getJsonArray("datapoints").getJsonObject(0);
    assertThat(point.getString("datapointId")).isEqualTo("campaign:camp_1");
    JsonArray numbers = point.getJsonArray("numericRestricts");
    assertThat(numbers.getJsonObject(0).getString("namespace")).isEqualTo("live_from");
    assertThat(numbers.getJsonObject(0).getValue("valueInt"))
        .isEqualTo(String.valueOf(Instant.parse("2026-12-01T00:00:11Z").getEpochSecond()));
    assertThat(numbers.getJsonObject(1).getValue("valueInt"))
        .isEqualTo(String.valueOf(Instant.parse("2026-12-02T00:00:20Z").getEpochSecond()));
    assertThat(point.getJsonArray("featureVector").getFloat(0)).isEqualTo(0.6f);
    assertThat(point.getJsonArray("featureVector").getFloat(1)).isEqualTo(0.8f);
  }

  @Test
  void anItemAlwaysLiveSpansTheWholeInt64Range() {
    VectorEntry product =
        new VectorEntry("prod_1", ItemType.PRODUCT, null, true, null, null, VECTOR, "m");
    JsonObject point =
        Datapoints.upsert(List.of(product)).getJsonArray("datapoints").getJsonObject(0);
    assertThat(point.getJsonArray("numericRestricts").getJsonObject(0).getString("valueInt"))
        .isEqualTo("0");
    assertThat(point.getJsonArray("numericRestricts").getJsonObject(1).getString("valueInt"))
        .isEqualTo(Long.toString(Long.MAX_VALUE));
    assertThat(point.getJsonArray("restricts").encode()).doesNotContain("category");
  }

  @Test
  void aLiveQueryFiltersOnActiveAndTheWindowAtTheSecondItStarted() {
    VectorQuery query =
        VectorQuery.of(ItemType.CAMPAIGN, VECTOR, 7)
            .inCategory("food")
            .liveAt(Instant.parse("2026-12-01T12:00:00.900Z"));
    JsonObject body = Datapoints.findNeighbors("ai_agent_items", query);
    assertThat(body.getString("deployedIndexId")).isEqualTo("ai_agent_items");
    JsonObject q = body.getJsonArray("queries").getJsonObject(0);
    assertThat(q.getInteger("neighborCount")).isEqualTo(7);
    JsonObject point = q.getJsonObject("datapoint");
    assertThat(point.getJsonArray("restricts").encode())
        .contains("{\"namespace\":\"type\",\"allowList\":[\"campaign\"]}")
        .contains("{\"namespace\":\"category\",\"allowList\":[\"food\"]}")
        .contains("{\"namespace\":\"active\",\"allowList\":[\"true\"]}");
    String now = String.valueOf(Instant.parse("2026-12-01T12:00:00Z").getEpochSecond());
    assertThat(point.getJsonArray("numericRestricts"))
        .containsExactly(
            new JsonObject()
                .put("namespace", "live_from")
                .put("valueInt", now)
                .put("op", "LESS_EQUAL"),
            new JsonObject()
                .put("namespace", "live_until")
                .put("valueInt", now)
                .put("op", "GREATER"));
  }

  @Test
  void neighboursOfAnotherTypeInTheAnswerAreLeftOut() {
    JsonObject answer =
        new JsonObject(
            "{\"nearestNeighbors\":[{\"id\":\"query\",\"neighbors\":["
                + "{\"datapoint\":{\"datapointId\":\"product:prod_9\"},\"distance\":0.9},"
                + "{\"datapoint\":{\"datapointId\":\"campaign:prod_9\"},\"distance\":0.8}]}]}");
    assertThat(Datapoints.matches(answer, ItemType.PRODUCT))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo("prod_9");
              assertThat(m.similarity()).isEqualTo(0.9);
            });
    assertThat(Datapoints.matches(new JsonObject(), ItemType.PRODUCT)).isEmpty();
  }
}
