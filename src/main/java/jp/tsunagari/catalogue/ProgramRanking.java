package jp.tsunagari.catalogue;

import java.util.List;
import java.util.Map;

/**
 * Orders and counts published programs for the catalogue's own lists (home, category pages, related programs, the
 * map and the entry pages' counts). Implemented by the search module's index, which holds exactly the published
 * programs and answers in time independent of the catalogue's size, so these pages never sort or count the whole
 * catalogue in SQL. Prefecture and region match a program's organizer or any of its example groups (once each).
 */
public interface ProgramRanking {

    /** Ids of one page of the query's programs, in its order, and how many programs match in all. */
    Ranked rank(ProgramQuery query);

    /** Published programs per value of {@code category}, {@code region} and {@code pref} (keys of the outer map). */
    Map<String, Map<String, Long>> totals();

    record Ranked(List<Long> ids, long total) {
    }
}
