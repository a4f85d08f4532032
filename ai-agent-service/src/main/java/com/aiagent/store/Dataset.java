package com.aiagent.store;

import java.util.List;

/** A whole catalog with its embeddings, written at once by {@link StoreAdmin#load}. */
public record Dataset(
    List<Category> categories,
    List<User> users,
    List<Product> products,
    List<Campaign> campaigns,
    List<Content> contents,
    List<VectorEntry> vectors) {}
