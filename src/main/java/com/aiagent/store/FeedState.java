package com.aiagent.store;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything but text that one feed page is ranked from: the user's interests, their stored
 * candidates (null when none are stored), and the live state of those candidates: which the user
 * hid, how often each content was shown to them, and today's ad delivery (impressions of each
 * campaign to this user, and each campaign's spend).
 */
public record FeedState(
    String userId,
    List<String> interests,
    FeedCandidates candidates,
    Set<String> hidden,
    Map<String, Integer> seen,
    Map<String, Integer> adImpressionsToday,
    Map<String, Double> spendToday) {}
