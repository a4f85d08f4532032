package com.aiagent.store;

/** A search hit; {@code similarity} is the cosine similarity in [-1, 1]. */
public record VectorMatch(String id, ItemType type, double similarity) {}
