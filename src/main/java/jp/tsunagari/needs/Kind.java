package jp.tsunagari.needs;

/** What a row of {@code unmet_need} counts; {@link #code} is its {@code kind} column. */
enum Kind {
    /** A search on /programs with text that found nothing; item: the text as {@link QueryText} counts it. */
    SEARCH("search"),
    /** A checker answer with a hometown and no 該当; item: the hometown's prefecture code (01–47). */
    CHECKER("checker"),
    /** Searches that found nothing and were not kept; item: why ({@code personal}, {@code memory}, {@code day-limit}). */
    NOT_KEPT("not-kept");

    final String code;

    Kind(String code) {
        this.code = code;
    }
}
