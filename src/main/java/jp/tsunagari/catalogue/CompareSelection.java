package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The programs chosen for a comparison while browsing: the {@code compare} parameter of the list, category, home and
 * program pages (nothing is stored; the selection lives in the URL). Lenient, because it only carries a choice along:
 * values that are not ids are dropped, repeats collapsed, at most {@link #MAX} kept in the order chosen. The compare
 * page itself ({@code /compare?id=…}) names every value it cannot use.
 */
public final class CompareSelection {

    /** The most programs one comparison shows. */
    public static final int MAX = 4;
    public static final String PARAMETER = "compare";
    private static final CompareSelection NONE = new CompareSelection(List.of());

    private final List<Long> ids;

    private CompareSelection(List<Long> ids) {
        this.ids = List.copyOf(ids);
    }

    public static CompareSelection none() {
        return NONE;
    }

    public static CompareSelection of(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String value : raw) {
            Long id = parseId(value);
            if (id != null && ids.size() < MAX) {
                ids.add(id);
            }
        }
        return new CompareSelection(new ArrayList<>(ids));
    }

    /** A program id as the URL writes it (digits only, at most 18), or null. */
    public static Long parseId(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        long id = Long.parseLong(v);
        return id > 0 ? id : null;
    }

    public List<Long> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    public boolean full() {
        return ids.size() >= MAX;
    }

    public boolean contains(Long id) {
        return ids.contains(id);
    }

    public CompareSelection with(long id) {
        if (contains(id) || full()) {
            return this;
        }
        List<Long> more = new ArrayList<>(ids);
        more.add(id);
        return new CompareSelection(more);
    }

    public CompareSelection without(long id) {
        return new CompareSelection(ids.stream().filter(x -> x != id).toList());
    }

    /** {@code url} with this selection as {@code compare} parameters appended (the url unchanged when empty). */
    public String carriedBy(String url) {
        return append(url, PARAMETER);
    }

    /** The compare page of this selection: {@code /compare?id=1&id=2}. */
    public String compareUrl() {
        return append("/compare", "id");
    }

    private String append(String url, String name) {
        StringBuilder b = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        for (Long id : ids) {
            b.append(separator).append(name).append('=').append(id);
            separator = '&';
        }
        return b.toString();
    }
}
