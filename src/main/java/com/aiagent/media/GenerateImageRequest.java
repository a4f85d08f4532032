package com.aiagent.media;

import com.aiagent.store.Category;
import com.aiagent.store.Product;
import java.util.List;

/** A picture for a post: drawn from its title, image prompt and the items it names. */
public record GenerateImageRequest(
    String title, String imagePrompt, List<Product> products, List<Category> categories) {}
