package io.rampart.dlp;

/**
 * A detector hit on the normalized text, before context scoring and overlap resolution.
 *
 * @param base score without corroborating context
 * @param boosted score when a keyword of {@code context} lies within the proximity window
 * @param context keyword groups that corroborate this type ({@link Lexicon} bits)
 * @param priority overlap tie-breaker: specific, validated types beat generic ones
 */
record Candidate(
    String type,
    int start,
    int end,
    double base,
    double boosted,
    int context,
    int priority,
    String detector) {}
