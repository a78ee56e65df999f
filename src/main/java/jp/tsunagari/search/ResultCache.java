package jp.tsunagari.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Search results kept as data, not pages: per (text, selections, order) the total, the facet counts and the first
 * {@value #DEPTH} ids, for the index snapshot they were computed on. Pages 1 to 5 of a search, its API form and every
 * URL spelling of it share one entry; the whole cache is emptied when the index switches (after any change of the
 * catalogue), so an entry is never older than the index. {@code catalogue.search.result-cache-size} entries at most
 * (about 6 KB each); 0 turns it off.
 */
final class ResultCache {

    /** How many ids an entry keeps: five pages of 20. */
    static final int DEPTH = 100;

    record Key(String text, Map<String, Set<String>> selected, String sort) {
    }

    record Entry(List<Long> ids, long total, Map<String, Map<String, Long>> counts) {
        Entry {
            ids = List.copyOf(ids);
            Map<String, Map<String, Long>> copy = new LinkedHashMap<>();
            counts.forEach((dimension, values) -> copy.put(dimension, Map.copyOf(values)));
            counts = java.util.Collections.unmodifiableMap(copy);
        }
    }

    private final Cache<Key, Entry> entries;
    private volatile IndexSnapshot of;

    ResultCache(int size) {
        this.entries = size > 0 ? Caffeine.newBuilder().maximumSize(size).build() : null;
    }

    boolean enabled() {
        return entries != null;
    }

    /** The entry of the query on {@code snapshot}, computed once. */
    Entry get(IndexSnapshot snapshot, DiscoveryQuery q, Supplier<Entry> compute) {
        if (of != snapshot) {
            synchronized (this) {
                if (of != snapshot) {
                    entries.invalidateAll();
                    of = snapshot;
                }
            }
        }
        Entry entry = entries.get(new Key(q.text(), q.filters(), q.effectiveSort()), key -> compute.get());
        // Computed on an older snapshot by a request that began before the switch: not kept.
        if (of != snapshot) {
            entries.invalidateAll();
        }
        return entry;
    }
}
