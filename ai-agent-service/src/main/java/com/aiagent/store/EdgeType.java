package com.aiagent.store;

/** The graph's relations: user to user, content, product or campaign. */
public enum EdgeType {
  FOLLOWS,
  LIKES,
  VIEWS,
  PURCHASES,
  CLICKS
}
