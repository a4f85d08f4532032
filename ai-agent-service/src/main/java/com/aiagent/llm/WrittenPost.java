package com.aiagent.llm;

import java.util.List;

/** A post as a writer wrote it; {@code provider} says which writer that was. */
public record WrittenPost(
    String title,
    String content,
    List<String> hashtags,
    String callToAction,
    List<String> productIds,
    List<String> campaignIds,
    String imagePrompt,
    String provider) {}
