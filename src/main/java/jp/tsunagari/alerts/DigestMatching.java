package jp.tsunagari.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.checker.EligibilityResults;
import jp.tsunagari.checker.SavedAnswers;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.search.SavedSearches;
import jp.tsunagari.system.JapanTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first half of a digest run: which subscriptions get which programs. The window's public changes are read once
 * ({@link PublishedChanges}); the changed programs' facet values once from the index ({@link SavedSearches.Changes})
 * and their rules once ({@link EligibilityResults.Judging}). Then the confirmed subscriptions of the frequency are read
 * in the order of their conditions, so each distinct condition is matched once against the changed programs —
 * never a saved search run over the catalogue. A subscription gets only changes after it was confirmed.
 */
@Component
class DigestMatching {

    /** Programs listed in one mail at most (the rest are counted, with a link to the list). */
    static final int MAX_LISTED = 50;
    private static final int BATCH = 1000;

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
        List<Long> ids = List.copyOf(changes.keySet());
        SavedSearches.Changes facets = searches.changes(ids);
        EligibilityResults.Judging judging = eligibility.judging(ids);
        LocalDate today = JapanTime.today(clock);
        Cache<String, List<Long>> matched = Caffeine.newBuilder().maximumSize(50_000).build();
        List<DigestRows.NewDelivery> batch = new ArrayList<>();
        long[] counts = new long[2];
        boolean[] stopped = {false};
        jdbc.query(con -> {
            var ps = con.prepareStatement("select id, kind, conditions, condition_key, age_on, since_revision"
                    + " from alert_subscription where status = 'CONFIRMED' and frequency = ? order by condition_key, id");
            ps.setString(1, run.frequency().name());
            ps.setFetchSize(BATCH);
            return ps;
        }, rs -> {
            if (stopped[0]) {
                return;
            }
            counts[0]++;
            Kind kind = Kind.valueOf(rs.getString(2));
            Date ageOn = rs.getDate(5);
            String conditions = rs.getString(3);
            String key = rs.getString(4) + (ageOn == null ? "" : ":" + ChronoUnit.YEARS.between(ageOn.toLocalDate(), today));
            List<Long> found = matched.get(key, k -> kind == Kind.CHECKER
                    ? checker(conditions, ageOn == null ? null : ageOn.toLocalDate(), today, facets, judging)
                    : facets.matching(conditions));
            long since = rs.getLong(6);
            List<Long> mine = found.stream().filter(id -> changes.get(id).revision() > since).toList();
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

    /** The changed programs that are 該当 or 要確認 for the answers (under their filters), on today's date. */
    private List<Long> checker(String conditions, LocalDate ageOn, LocalDate today, SavedSearches.Changes facets,
                               EligibilityResults.Judging judging) {
        Profile profile = answers.profile(conditions, ageOn, today);
        return facets.matching(answers.filters(conditions)).stream().filter(id -> {
            Verdict v = judging.verdict(id, profile);
            return v == Verdict.ELIGIBLE || v == Verdict.CHECK;
        }).toList();
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
