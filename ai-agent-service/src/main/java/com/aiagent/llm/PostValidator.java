package com.aiagent.llm;

import com.aiagent.llm.WritePostRequest.Campaign;
import com.aiagent.llm.WritePostRequest.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a written post must be before it is shown: grounded in the retrieved items only, complete,
 * within length limits and in the prompt's language. A model's answer is checked here; the local
 * writer's answers pass by construction.
 */
final class PostValidator {
  static final int MAX_TITLE = 120;
  static final int MAX_CONTENT = 3000;
  static final int MAX_CALL_TO_ACTION = 120;
  static final int MAX_HASHTAGS = 10;
  static final int MAX_HASHTAG = 40;
  static final int MAX_IMAGE_PROMPT = 1000;

  /** The problems found; empty when the post may be shown. */
  List<String> problems(WrittenPost post, WritePostRequest request) {
    List<String> problems = new ArrayList<>();
    checkText(problems, "title", post.title(), MAX_TITLE);
    checkText(problems, "content", post.content(), MAX_CONTENT);
    checkText(problems, "call_to_action", post.callToAction(), MAX_CALL_TO_ACTION);
    if (post.imagePrompt() != null && post.imagePrompt().length() > MAX_IMAGE_PROMPT) {
      problems.add("image_prompt is longer than " + MAX_IMAGE_PROMPT + " characters");
    }
    if (post.hashtags() == null || post.hashtags().size() > MAX_HASHTAGS) {
      problems.add("hashtags must be a list of at most " + MAX_HASHTAGS);
    } else if (post.hashtags().stream()
        .anyMatch(h -> h == null || h.isBlank() || h.length() > MAX_HASHTAG)) {
      problems.add("hashtags must be non-empty and at most " + MAX_HASHTAG + " characters");
    }
    Set<String> products = request.products().stream().map(Product::id).collect(Collectors.toSet());
    Set<String> campaigns =
        request.campaigns().stream().map(Campaign::id).collect(Collectors.toSet());
    if (post.productIds() == null || !products.containsAll(post.productIds())) {
      problems.add("product_ids name items that were not retrieved: " + post.productIds());
    } else if (!products.isEmpty() && post.productIds().isEmpty()) {
      problems.add("product_ids is empty");
    }
    if (post.campaignIds() == null || !campaigns.containsAll(post.campaignIds())) {
      problems.add("campaign_ids name campaigns that were not retrieved: " + post.campaignIds());
    }
    if (post.content() != null
        && !post.content().isBlank()
        && Language.detect(post.title() + " " + post.content()) != request.language()) {
      problems.add("the post is not in the prompt's language (" + request.language() + ")");
    }
    return problems;
  }

  private static void checkText(List<String> problems, String field, String value, int max) {
    if (value == null || value.isBlank()) {
      problems.add(field + " is empty");
    } else if (value.length() > max) {
      problems.add(field + " is longer than " + max + " characters");
    }
  }
}
