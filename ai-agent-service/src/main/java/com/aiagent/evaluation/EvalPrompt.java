package com.aiagent.evaluation;

import java.util.List;

/**
 * One labelled prompt: {@code split} is tune (the lexicon was grown on it) or test (held out),
 * {@code lang} ko or en, {@code category} the category a right answer belongs to, {@code
 * productIds} the obvious answers where there are any.
 */
public record EvalPrompt(
    String id,
    String split,
    String lang,
    String category,
    List<String> productIds,
    String prompt) {}
