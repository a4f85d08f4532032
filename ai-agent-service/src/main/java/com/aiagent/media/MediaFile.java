package com.aiagent.media;

/** A stored picture. Names are never reused, so the ETag only has to name the file. */
public record MediaFile(String file, String contentType, String etag, byte[] bytes) {}
