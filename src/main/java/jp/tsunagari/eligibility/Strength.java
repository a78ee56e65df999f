package jp.tsunagari.eligibility;

/** HARD: must hold. SOFT: vague wording (主に…, 自宅外から…): never excludes, only leaves a program to be confirmed. */
public enum Strength {
    HARD, SOFT
}
