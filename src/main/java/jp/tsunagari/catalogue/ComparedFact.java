package jp.tsunagari.catalogue;

/**
 * The rows of a comparison, in the order the compare page, its phone layout and its CSV show them. {@code verbatim}
 * rows hold the source's Japanese text as written (the English page marks them {@code lang="ja"}).
 */
public enum ComparedFact {
    CATEGORY(false),
    ORGANIZER(false),
    CONTENT(true),
    ELIGIBILITY_SOURCE(true),
    ELIGIBILITY_RULES(false),
    BENEFIT(true),
    CHANNEL(false),
    METRICS(false),
    PERIODS(false),
    ACCEPTANCE(false),
    APPLICATION(false),
    CONFIRMED_ON(false);

    private final boolean verbatim;

    ComparedFact(boolean verbatim) {
        this.verbatim = verbatim;
    }

    public boolean verbatim() {
        return verbatim;
    }

    /** The message key of the row's heading, e.g. {@code compare.fact.category}. */
    public String messageKey() {
        return "compare.fact." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}
