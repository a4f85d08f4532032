package com.aiagent.llm;

import com.aiagent.store.Campaign;
import com.aiagent.store.Category;
import com.aiagent.store.Product;
import com.aiagent.store.User;
import java.util.List;

/**
 * Everything a writer may use: it must mention no item outside {@code products}/{@code campaigns}.
 */
public record WritePostRequest(
    String prompt,
    Language language,
    User user,
    List<Product> products,
    List<Campaign> campaigns,
    List<Category> categories) {}
