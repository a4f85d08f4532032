package com.aiagent.embedding;

/** An offline embedder of one text at a time; pure and thread-safe. */
interface TextEmbedder {
  String model();

  int dimension();

  float[] embed(String text);
}
