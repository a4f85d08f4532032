package com.aiagent.embedding;

/** What a text is embedded for: stored catalog rows, or a prompt that searches them. */
public enum TaskType {
  RETRIEVAL_DOCUMENT,
  RETRIEVAL_QUERY
}
