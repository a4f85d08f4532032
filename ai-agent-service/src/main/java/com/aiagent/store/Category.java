package com.aiagent.store;

/** One of the ten demo categories, with the colour its pictures are drawn in. */
public record Category(String key, String nameKo, String nameEn, String color) {}
