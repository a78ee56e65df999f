package jp.tsunagari.alerts;

/** What a subscription follows: a /programs query (or a category page), or the checker's answers. */
enum Kind {
    SEARCH, CHECKER
}
