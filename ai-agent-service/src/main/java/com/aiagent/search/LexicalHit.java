package com.aiagent.search;

/** A BM25 hit of the lexical index, best first. */
public record LexicalHit(String id, double score) {}
