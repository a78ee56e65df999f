package jp.tsunagari.needs;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * This instance's counts since the last flush, in memory: a request thread adds one (a map look-up and an increment;
 * a new key is one small object), the flush takes them all at once and starts afresh. At most {@code catalogue.needs.texts-in-memory}
 * distinct search texts are held between two flushes; a new text beyond is not kept but counted under
 * {@link Kind#NOT_KEPT} {@value #OVER_MEMORY}. Prefecture codes and those counts are few (47 and 3 a day) and need
 * no bound.
 */
@Component
class NeedsTally {

    static final String PERSONAL = "personal";
    static final String OVER_MEMORY = "memory";
    static final String OVER_DAY_LIMIT = "day-limit";

    /** What a count is of: its day (in Japan), kind and item (text, prefecture code or reason). */
    record Key(LocalDate day, Kind kind, String item) {
    }

    private final int maxTexts;
    /** Taken shared by every add, alone by {@link #drain} to swap the maps: no add is lost between the two. */
    private final ReadWriteLock swap = new ReentrantReadWriteLock();
    private volatile Counts counts = new Counts();

    NeedsTally(NeedsSettings settings) {
        this.maxTexts = settings.textsInMemory();
    }

    private static final class Counts {
        final ConcurrentHashMap<Key, LongAdder> map = new ConcurrentHashMap<>();
        final AtomicInteger texts = new AtomicInteger();
    }

    void add(LocalDate day, Kind kind, String item) {
        Key key = new Key(day, kind, item);
        swap.readLock().lock();
        try {
            Counts current = counts;
            LongAdder n = current.map.get(key);
            if (n == null) {
                n = current.map.computeIfAbsent(key, k -> k.kind() != Kind.SEARCH
                        || current.texts.getAndIncrement() < maxTexts ? new LongAdder() : null);
            }
            if (n == null) {
                n = current.map.computeIfAbsent(new Key(day, Kind.NOT_KEPT, OVER_MEMORY), k -> new LongAdder());
            }
            n.increment();
        } finally {
            swap.readLock().unlock();
        }
    }

    /** Everything counted since the last drain (only counts above zero), and a fresh start. */
    Map<Key, Long> drain() {
        Counts taken;
        swap.writeLock().lock();
        try {
            taken = counts;
            counts = new Counts();
        } finally {
            swap.writeLock().unlock();
        }
        Map<Key, Long> out = new HashMap<>();
        taken.map.forEach((key, n) -> out.put(key, n.sum()));
        return out;
    }

    /** Distinct keys held now (for tests and the log). */
    int size() {
        return counts.map.size();
    }
}
