package jp.tsunagari.eligibility;

/** What a criterion of a target group tests. */
public enum CriterionType {
    /** Age in years at the time of application, inclusive bounds. */
    AGE,
    /** Where the person is from (出身): one of the areas. */
    ORIGIN,
    /** Where someone lives: the person, the family/guardian, or a group's members; inside or outside the areas. */
    RESIDENCE,
    /** Student status: school types, optionally grades. */
    STUDENT,
    /** Lives away from the family home while studying (自宅外から通学). */
    LIVING_AWAY,
    /** Who applies: 本人, 保護者 or 団体. */
    APPLICANT,
    /** A group with at least N members. */
    GROUP_SIZE,
    /** A group in which at least num/den of the members are at most a given age. */
    GROUP_YOUNG_SHARE,
    /** A condition in words that no form can decide (まちづくりに関心のある人). */
    FREE_TEXT
}
