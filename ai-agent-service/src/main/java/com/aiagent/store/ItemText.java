package com.aiagent.store;

/** The words of a content or a campaign, in Korean and English: what a feed page shows. */
public record ItemText(String titleKo, String titleEn, String bodyKo, String bodyEn) {}
