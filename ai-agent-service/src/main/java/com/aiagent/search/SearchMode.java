package com.aiagent.search;

/** Which retrievers run: both fused (the default), or one alone (for comparison in the eval). */
public enum SearchMode {
  HYBRID,
  VECTOR,
  LEXICAL
}
