package jp.tsunagari.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.CompareSelection;

/**
 * The {@code id} values of {@code /compare}: the ids to compare (repeats collapsed, the first
 * {@link CompareSelection#MAX} in the order given), the values that are not ids (as typed, shortened, each once) and
 * how many ids were left out beyond the limit. Empty values are
 * ignored.
 */
public record CompareRequest(List<Long> ids, List<String> malformed, int leftOut) {

    /** A value named in a message is cut to this many characters. */
    static final int SHOWN = 30;
    /** At most this many unusable values are named. */
    static final int NAMED = 5;

    static CompareRequest parse(List<String> raw) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> malformed = new LinkedHashSet<>();
        for (String value : raw == null ? List.<String>of() : raw) {
            Long id = CompareSelection.parseId(value);
            if (id != null) {
                ids.add(id);
            } else if (value == null || value.isBlank()) {
                continue;
            } else if (malformed.size() < NAMED) {
                malformed.add(shown(value));
            }
        }
        List<Long> kept = new ArrayList<>(ids).subList(0, Math.min(ids.size(), CompareSelection.MAX));
        return new CompareRequest(List.copyOf(kept), List.copyOf(malformed), ids.size() - kept.size());
    }

    private static String shown(String value) {
        String v = value == null ? "" : value.strip();
        return v.codePointCount(0, v.length()) <= SHOWN ? v
                : v.substring(0, v.offsetByCodePoints(0, SHOWN)) + "…";
    }

    /** Values the visitor should correct: not ids, or more than the limit. */
    public boolean hasProblems() {
        return !malformed.isEmpty() || leftOut > 0;
    }
}
