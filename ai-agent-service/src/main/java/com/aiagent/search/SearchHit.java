package com.aiagent.search;

/**
 * A retrieved item: its cosine {@code similarity} to the prompt's vector (computed for lexical-only
 * hits too), its BM25 {@code lexicalScore} (0 when the words did not match) and its fused score.
 */
public record SearchHit(String id, double similarity, double lexicalScore, double fused) {}
