package jp.tsunagari.eligibility;

/** 該当 (every criterion of a group holds), 要確認 (nothing fails but something is open), 非該当 (every group fails). */
public enum Verdict {
    ELIGIBLE, CHECK, NOT_ELIGIBLE
}
