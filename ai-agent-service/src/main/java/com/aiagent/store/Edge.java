package com.aiagent.store;

/** A directed edge from a user to another node. */
public record Edge(String from, EdgeType type, String to) {}
