package jp.tsunagari.eligibility;

/** Whose facts a criterion is about. */
public enum Subject {
    /** The person the program is for. */
    SELF,
    /** The parents, guardian or family home (保護者の住民登録, 実家). */
    FAMILY,
    /** The members of an applying group. */
    MEMBERS
}
