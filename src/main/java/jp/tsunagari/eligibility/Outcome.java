package jp.tsunagari.eligibility;

/** How one criterion came out for a profile. */
public enum Outcome {
    HOLDS, FAILS, OPEN
}
