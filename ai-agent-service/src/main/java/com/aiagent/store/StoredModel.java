package com.aiagent.store;

/**
 * Which model made how many stored vectors of one table: {@code model} null counts rows whose
 * vector is missing or was flagged for re-embedding.
 */
public record StoredModel(ItemType type, String model, int dimension, long rows) {}
