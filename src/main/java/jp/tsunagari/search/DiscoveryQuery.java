package jp.tsunagari.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated /programs query: free text and, per facet dimension (category, region, pref, audience, channel,
 * status, accepting), the selected values. Values of one dimension are alternatives; dimensions combine. Ended
 * programs (status ended) are left out unless {@code includeEnded} or a status is chosen.
 */
record DiscoveryQuery(String text, Map<String, Set<String>> selected, String sort, int page, int size,
                      boolean includeEnded) {

    static final int SIZE = 20;
    static final List<String> SORTS = List.of("relevance", "source", "kana", "start", "reach", "deadline");
    /** The status values a list shows by default: every one but ended. */
    static final Set<String> NOT_ENDED = java.util.Arrays.stream(jp.tsunagari.catalogue.Lifecycle.values())
            .filter(l -> l != jp.tsunagari.catalogue.Lifecycle.ENDED).map(Codes::status)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** A query that leaves ended programs out (as lists do by default). */
    DiscoveryQuery(String text, Map<String, Set<String>> selected, String sort, int page, int size) {
        this(text, selected, sort, page, size, false);
    }
    /** Every published program (ended ones too). */
    static final DiscoveryQuery ALL = new DiscoveryQuery("", Map.of(), "relevance", 1, SIZE, true);

    DiscoveryQuery {
        text = text == null ? "" : text.strip();
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            copy.put(dimension, Set.copyOf(selected.getOrDefault(dimension, Set.of())));
        }
        selected = java.util.Collections.unmodifiableMap(copy);
    }

    boolean hasText() {
        return !text.isEmpty();
    }

    /** The values the results are filtered by: what was chosen, and for status by default all but ended. */
    Set<String> values(String dimension) {
        Set<String> chosen = selected.get(dimension);
        return "status".equals(dimension) && chosen.isEmpty() && !includeEnded ? NOT_ENDED : chosen;
    }

    /** The values chosen in the form (what links and check boxes show). */
    Set<String> chosen(String dimension) {
        return selected.get(dimension);
    }

    /** Every dimension's filter as {@link #values} gives it (what a cached result depends on). */
    Map<String, Set<String>> filters() {
        Map<String, Set<String>> all = new LinkedHashMap<>();
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            all.put(dimension, values(dimension));
        }
        return all;
    }

    /** The order actually used: relevance only makes sense with text; without, the source order. */
    String effectiveSort() {
        return "relevance".equals(sort) && !hasText() ? "source" : sort;
    }

    DiscoveryQuery withPage(int newPage) {
        return new DiscoveryQuery(text, selected, sort, newPage, size, includeEnded);
    }
}
