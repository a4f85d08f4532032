package com.aiagent.llm;

/** The LLM module's bus addresses. */
public final class LlmAddresses {
  public static final String WRITE_POST = "llm.write-post";
  public static final String HEALTH = "llm.health";

  private LlmAddresses() {}
}
