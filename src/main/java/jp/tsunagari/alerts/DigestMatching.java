package jp.tsunagari.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.checker.EligibilityResults;
import jp.tsunagari.checker.SavedAnswers;
import jp.tsunagari.search.SavedSearches;
import jp.tsunagari.system.JapanTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first half of a digest run: which subscriptions get which programs. The window's public changes are read once
 * ({@link PublishedChanges}); the changed programs' facet values once from the index ({@link SavedSearches.Changes})
 * and their rules once ({@link EligibilityResults.Judging}). Then the confirmed subscriptions of the frequency are read
 * one after another and each matched against the changed programs only — never a saved search run over the catalogue;
 * each distinct search once ({@link Day}). A subscription gets only changes after it was confirmed. The mails are
 * recorded {@value #BATCH} at a time, in one transaction each (5,000 at a time was slower on H2).
 */
@Component
class DigestMatching {

    /** Programs listed in one mail at most (the rest are counted, with a link to the list). */
    static final int MAX_LISTED = 50;
    private static final int BATCH = 1000;
    /** Distinct searches (and checker filters) whose matches a run keeps: see {@link Day}. */
    static final int CACHED = 10_000;

    private final JdbcTemplate jdbc;
    private final DigestRows rows;
    private final PublishedChanges published;
    private final SavedSearches searches;
    private final SavedAnswers answers;
    private final EligibilityResults eligibility;
    private final Clock clock;

    DigestMatching(JdbcTemplate jdbc, DigestRows rows, PublishedChanges published, SavedSearches searches,
                   SavedAnswers answers, EligibilityResults eligibility, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.published = published;
        this.searches = searches;
        this.answers = answers;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** How a run's matching went: the changed programs, the subscriptions read and the mails recorded. */
    record Matched(int changed, long subscriptions, long mails, boolean finished) {
    }

    /** Records the run's mails; stops early (unfinished, to be matched again) when {@code stop} says so. */
    Matched match(DigestRows.Run run, BooleanSupplier stop) {
        rows.clear(run.id());
        Map<Long, PublishedChanges.Change> changes = published.between(run.from(), run.to());
        if (changes.isEmpty()) {
            return new Matched(0, 0, 0, true);
        }
        Day day = new Day(changes);
        List<DigestRows.NewDelivery> batch = new ArrayList<>();
        long[] counts = new long[2];
        boolean[] stopped = {false};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select id, kind, conditions, age_on, since_revision from alert_subscription"
                    + " where status = 'CONFIRMED' and frequency = ? order by id");
            ps.setString(1, run.frequency().name());
            ps.setFetchSize(BATCH);
            return ps;
        }, rs -> {
            if (stopped[0]) {
                return;
            }
            counts[0]++;
            Date ageOn = rs.getDate(4);
            List<Long> mine = day.programs(Kind.valueOf(rs.getString(2)), rs.getString(3),
                    ageOn == null ? null : ageOn.toLocalDate(), rs.getLong(5));
            if (!mine.isEmpty()) {
                batch.add(new DigestRows.NewDelivery(rs.getLong(1), mine.subList(0, Math.min(MAX_LISTED, mine.size())),
                        mine.size()));
            }
            if (batch.size() >= BATCH) {
                counts[1] += flush(run, batch);
                stopped[0] = stop.getAsBoolean();
            }
        });
        if (stopped[0]) {
            return new Matched(changes.size(), counts[0], counts[1], false);
        }
        counts[1] += flush(run, batch);
        return new Matched(changes.size(), counts[0], counts[1], true);
    }

    /**
     * One run's changed programs, matched against one subscription after another (in the order of their ids, as the
     * index on status, frequency and id gives them: no sort of a million rows). A search is matched once per distinct
     * conditions ({@link SavedSearches.Changes#matching}, kept for the run: a few thousand distinct searches at most
     * are usual, and the cache is bounded). A checker subscription's answers are judged by
     * {@link EligibilityResults.Judging#eligibleOrCheck}, which works out what fails once per age, place … rather than
     * once per set of answers, so nearly every set being different costs little; its filters are a search.
     */
    private final class Day {

        private final Map<Long, PublishedChanges.Change> changes;
        private final SavedSearches.Changes facets;
        private final EligibilityResults.Judging judging;
        private final LocalDate today = JapanTime.today(clock);
        private final long oldest;
        private final Cache<String, List<Long>> searched = Caffeine.newBuilder().maximumSize(CACHED).build();

        Day(Map<Long, PublishedChanges.Change> changes) {
            this.changes = changes;
            List<Long> ids = List.copyOf(changes.keySet());
            this.facets = searches.changes(ids);
            this.judging = eligibility.judging(ids);
            this.oldest = changes.values().stream().mapToLong(PublishedChanges.Change::revision).min().orElse(0);
        }

        /** The changed programs this subscription gets: those it matches that changed after it was confirmed. */
        List<Long> programs(Kind kind, String conditions, LocalDate ageOn, long since) {
            List<Long> found = kind == Kind.CHECKER ? checker(conditions, ageOn) : search(conditions);
            if (since < oldest) {
                return found;
            }
            return found.stream().filter(id -> changes.get(id).revision() > since).toList();
        }

        private List<Long> search(String conditions) {
            return searched.get(conditions, facets::matching);
        }

        /** The changed programs that are 該当 or 要確認 for the answers (under their filters), on today's date. */
        private List<Long> checker(String conditions, LocalDate ageOn) {
            java.util.function.Predicate<Long> open = judging.eligibleOrCheck(answers.profile(conditions, ageOn, today));
            return search(answers.filters(conditions)).stream().filter(open).toList();
        }
    }

    private int flush(DigestRows.Run run, List<DigestRows.NewDelivery> batch) {
        int n = batch.size();
        if (n > 0) {
            rows.insert(run.id(), batch);
            batch.clear();
        }
        return n;
    }
}
