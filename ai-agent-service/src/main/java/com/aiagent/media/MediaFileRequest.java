package com.aiagent.media;

/** Asks for the bytes of one stored picture by file name. */
public record MediaFileRequest(String file) {}
