package com.aiagent.store;

/** What a stored vector stands for. */
public enum ItemType {
  USER,
  PRODUCT,
  CAMPAIGN,
  CONTENT
}
