package jp.tsunagari.search;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.system.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The day in Japan whose 受付状況 the index holds (its documents' status, accepting, deadline and 「最近確認」 values
 * depend on it). When the day changes, the programs with a registered end or 受付期間, and those that stopped counting
 * as recently confirmed since the day held ({@code catalogue.Freshness}), are written again with the changed ones;
 * when most programs have dates, the whole index is built instead ({@value #DAILY_UPDATE_LIMIT}). The day is
 * recorded with each commit, so an index opened from disk on the day it was written needs nothing more.
 */
final class IndexDay {

    private static final Logger log = LoggerFactory.getLogger(IndexDay.class);
    /** Beyond this many programs with dates, a new day builds the whole index instead of updating them. */
    static final int DAILY_UPDATE_LIMIT = 20_000;

    private final Clock clock;
    /** Null: unknown (an index opened from disk, or none yet). */
    private volatile LocalDate day;

    IndexDay(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return JapanTime.today(clock);
    }

    boolean holds(LocalDate today) {
        return today.equals(day);
    }

    /** The day the index holds; null when unknown (an index made before the day was recorded). */
    LocalDate held() {
        return day;
    }

    void set(LocalDate today) {
        day = today;
    }

    /**
     * What to write again for {@code today}: the {@code changed} programs, with those having dates on a new day;
     * empty when the whole index should be built.
     */
    Optional<Set<Long>> toUpdate(Optional<Set<Long>> changed, LocalDate today, SearchSources sources) {
        if (changed.isEmpty() || holds(today)) {
            return changed;
        }
        if (day == null || !day.isBefore(today)) {
            return Optional.empty(); // which programs stopped being recently confirmed is known only from a past day
        }
        List<Long> dated = sources.datedPublishedIds();
        List<Long> unconfirmed = sources.unconfirmedBetween(day, today);
        if (dated.size() + unconfirmed.size() > DAILY_UPDATE_LIMIT) {
            return Optional.empty();
        }
        Set<Long> ids = new HashSet<>(changed.get());
        ids.addAll(dated);
        ids.addAll(unconfirmed);
        log.info("Search index: a new day ({}), {} programs with dates and {} no longer recently confirmed written"
                + " again", today, dated.size(), unconfirmed.size());
        return Optional.of(ids);
    }
}
