package com.aiagent.embedding;

import java.util.List;

/** One vector per requested text, in the same order, all from {@code provider}'s {@code model}. */
public record EmbedResult(String provider, String model, int dimension, List<float[]> vectors) {}
