package jp.tsunagari.alerts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import jp.tsunagari.catalogue.PublishedChanges;
import jp.tsunagari.checker.EligibilityResults;
import jp.tsunagari.checker.SavedAnswers;
import jp.tsunagari.search.SavedSearches;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.RequestLoad;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The first half of a digest run: which subscriptions get which programs. The window's public changes are read once
 * ({@link PublishedChanges}); the changed programs' facet values once from the index ({@link SavedSearches.Changes})
 * and their rules once ({@link EligibilityResults.Judging}). Then the confirmed subscriptions of the frequency are read
 * one after another and each matched against the changed programs only — never a saved search run over the catalogue;
 * each distinct search once ({@link Day}). A subscription gets only changes after it was confirmed. Subscriptions are
 * read {@value #PAGE} at a time and their mails recorded in one transaction per page (5,000 at a time was slower on
 * H2); each distinct list of programs once per run ({@link Lists}), the mails naming it by number. Every
 * {@value #GIVE_WAY_EVERY} subscriptions the matching gives way to page requests being answered, up to
 * {@code catalogue.alerts.give-way} each time: on two cores it would otherwise take the core a visitor's request needs
 * (docs/performance.md).
 */
@Component
class DigestMatching {

    /** Programs listed in one mail at most (the rest are counted, with a link to the list). */
    static final int MAX_LISTED = 50;
    private static final int PAGE = 1000;
    /** Subscriptions matched between two looks whether requests are waiting ({@link RequestLoad#giveWay}). */
    static final int GIVE_WAY_EVERY = 20;
    /** Distinct searches (and checker filters) whose matches a run keeps: see {@link Day}. */
    static final int CACHED = 10_000;
    /** Distinct lists a run remembers to record once; beyond, each new list is recorded with its mail. */
    static final int REMEMBERED_LISTS = 20_000;

    private final JdbcTemplate jdbc;
    private final DigestRows rows;
    private final PublishedChanges published;
    private final SavedSearches searches;
    private final SavedAnswers answers;
    private final EligibilityResults eligibility;
    private final RequestLoad load;
    private final AlertSettings settings;
    private final Clock clock;

    DigestMatching(JdbcTemplate jdbc, DigestRows rows, PublishedChanges published, SavedSearches searches,
                   SavedAnswers answers, EligibilityResults eligibility, RequestLoad load, AlertSettings settings,
                   Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.published = published;
        this.searches = searches;
        this.answers = answers;
        this.eligibility = eligibility;
        this.load = load;
        this.settings = settings;
        this.clock = clock;
    }

    /** How a run's matching went: the changed programs, the subscriptions read, the mails recorded, the time waited. */
    record Matched(int changed, long subscriptions, long mails, boolean finished, Duration gaveWay) {
    }

    /** Records the run's mails; stops early (unfinished, to be matched again) when {@code stop} says so. */
    Matched match(DigestRows.Run run, BooleanSupplier stop) {
        rows.clear(run.id());
        Map<Long, PublishedChanges.Change> changes = published.between(run.from(), run.to());
        if (changes.isEmpty()) {
            return new Matched(0, 0, 0, true, Duration.ZERO);
        }
        Day day = new Day(changes);
        Lists lists = new Lists();
        long subscriptions = 0;
        long mails = 0;
        long gaveWay = 0;
        long after = 0;
        for (List<Subscription> page = page(run.frequency(), after); !page.isEmpty();
             page = page(run.frequency(), after)) {
            List<DigestRows.NewDelivery> batch = new ArrayList<>(page.size());
            for (Subscription s : page) {
                if (++subscriptions % GIVE_WAY_EVERY == 0) {
                    gaveWay += load.giveWay(settings.giveWay()).toNanos();
                }
                List<Long> mine = day.programs(s.kind(), s.conditions(), s.ageOn(), s.since());
                if (!mine.isEmpty()) {
                    List<Long> listed = mine.size() > MAX_LISTED ? mine.subList(0, MAX_LISTED) : mine;
                    batch.add(new DigestRows.NewDelivery(s.id(), lists.number(listed, mine.size())));
                }
            }
            if (!batch.isEmpty()) {
                rows.insert(run.id(), lists.drain(), batch);
                mails += batch.size();
            }
            after = page.getLast().id();
            if (stop.getAsBoolean()) {
                return new Matched(changes.size(), subscriptions, mails, false, Duration.ofNanos(gaveWay));
            }
        }
        return new Matched(changes.size(), subscriptions, mails, true, Duration.ofNanos(gaveWay));
    }

    /** A confirmed subscription as the matching reads it. */
    private record Subscription(long id, Kind kind, String conditions, LocalDate ageOn, long since) {
    }

    /**
     * The next {@value #PAGE} confirmed subscriptions of a frequency after the id {@code after}, in the order of the
     * index on (status, frequency, id): the database reads that many index entries and stops (no sort, no cursor kept
     * open across the run, no result of a million rows held or spilled to disk).
     */
    private List<Subscription> page(Frequency frequency, long after) {
        return jdbc.query("select id, kind, conditions, age_on, since_revision from alert_subscription"
                + " where status = 'CONFIRMED' and frequency = ? and id > ? order by status, frequency, id"
                + " fetch first " + PAGE + " rows only", (rs, n) -> {
                    Date ageOn = rs.getDate(4);
                    return new Subscription(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3),
                            ageOn == null ? null : ageOn.toLocalDate(), rs.getLong(5));
                }, frequency.name(), after);
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
            Predicate<Long> open = judging.eligibleOrCheck(answers.profile(conditions, ageOn, today));
            return search(answers.filters(conditions)).stream().filter(open).toList();
        }
    }

    /** What a run's mails list, numbered in the order they first appear: the same programs and count, one number. */
    private static final class Lists {

        private final Map<Listed, Integer> numbers = new HashMap<>();
        private final List<DigestRows.NewList> unrecorded = new ArrayList<>();
        private int next = 1;

        int number(List<Long> programs, int matched) {
            Integer known = numbers.get(new Listed(programs, matched));
            if (known != null) {
                return known;
            }
            int n = next++;
            List<Long> copy = List.copyOf(programs); // not a view keeping a longer list
            unrecorded.add(new DigestRows.NewList(n, copy, matched));
            if (numbers.size() < REMEMBERED_LISTS) {
                numbers.put(new Listed(copy, matched), n);
            }
            return n;
        }

        /** The lists numbered since the last call, to record with their mails. */
        List<DigestRows.NewList> drain() {
            List<DigestRows.NewList> out = List.copyOf(unrecorded);
            unrecorded.clear();
            return out;
        }

        private record Listed(List<Long> programs, int matched) {
        }
    }
}
