package com.aiagent.embedding;

import java.util.List;

/** Texts to embed, in order. */
public record EmbedRequest(List<String> texts, TaskType taskType) {}
