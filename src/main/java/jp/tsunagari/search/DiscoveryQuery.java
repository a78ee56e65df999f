package jp.tsunagari.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated /programs query: free text and, per facet dimension (category, region, pref, audience, channel,
 * status), the selected values. Values of one dimension are alternatives; dimensions combine.
 */
record DiscoveryQuery(String text, Map<String, Set<String>> selected, String sort, int page, int size) {

    static final int SIZE = 20;
    static final List<String> SORTS = List.of("relevance", "source", "kana", "start", "reach");
    /** Every published program. */
    static final DiscoveryQuery ALL = new DiscoveryQuery("", Map.of(), "relevance", 1, SIZE);

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

    Set<String> values(String dimension) {
        return selected.get(dimension);
    }

    /** The order actually used: relevance only makes sense with text; without, the source order. */
    String effectiveSort() {
        return "relevance".equals(sort) && !hasText() ? "source" : sort;
    }

    DiscoveryQuery withPage(int newPage) {
        return new DiscoveryQuery(text, selected, sort, newPage, size);
    }
}
