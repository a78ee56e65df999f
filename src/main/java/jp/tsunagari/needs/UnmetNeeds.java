package jp.tsunagari.needs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.tsunagari.system.JapanTime;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Unmet needs, counted without tracking anyone: how often a search found nothing, by its text, and how often the
 * checker found no 該当 program, by the hometown's prefecture — per day in Japan, kept {@code catalogue.needs.kept-for}
 * (90 days). Nothing about the person is kept: no IP address, session, user agent, language or time of day; a text
 * that looks like personal data ({@link QueryText}) is not kept at all, only counted as not kept.
 *
 * <p>The two counting methods are called on the request thread and cost a normalisation of at most a few hundred
 * characters and a map increment: the counts are held in memory ({@link NeedsTally}, bounded) and added to the
 * database off the request thread about once a minute and when the application stops ({@link NeedsFlush}). The
 * reads are for the office's overview; they see what the instances have flushed.
 */
@Service
@EnableConfigurationProperties(NeedsSettings.class)
public class UnmetNeeds {

    /** The most texts {@link #topSearches} gives (the overview shows 50). */
    public static final int MAX_TOP = 1_000;

    private final NeedsTally tally;
    private final NeedRows rows;
    private final NeedsSettings settings;
    private final Clock clock;

    UnmetNeeds(NeedsTally tally, NeedRows rows, NeedsSettings settings, Clock clock) {
        this.tally = tally;
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    /** A search text (normalised as {@link QueryText} says) and how often it found nothing. */
    public record SearchCount(String text, long count) {
    }

    /**
     * Searches that found nothing and whose text was not kept: it looked like personal data, this instance held as
     * many distinct texts as it may in memory, or the day had as many texts stored as it may.
     */
    public record NotKept(long personalData, long overMemoryLimit, long overDayLimit) {

        public long total() {
            return personalData + overMemoryLimit + overDayLimit;
        }
    }

    /** A search with this text found nothing (blank text: nothing is counted). */
    public void searchFoundNothing(String text) {
        String counted = QueryText.normalize(text);
        if (counted.isEmpty()) {
            return;
        }
        LocalDate today = JapanTime.today(clock);
        if (QueryText.looksPersonal(counted)) {
            tally.add(today, Kind.NOT_KEPT, NeedsTally.PERSONAL);
        } else {
            tally.add(today, Kind.SEARCH, counted);
        }
    }

    /**
     * A checker answer whose hometown is in this prefecture ({@code 01}–{@code 47}) found no 該当 program; any other
     * value is not counted.
     */
    public void checkerFoundNoEligible(String hometownPrefectureCode) {
        if (isPrefecture(hometownPrefectureCode)) {
            tally.add(JapanTime.today(clock), Kind.CHECKER, hometownPrefectureCode);
        }
    }

    /** The first day the reads cover: the kept period ends today (in Japan). */
    public LocalDate keptSince() {
        return JapanTime.today(clock).minusDays(settings.days() - 1L);
    }

    /** The texts that found nothing most often over the kept period, the most counted first (then by text). */
    public List<SearchCount> topSearches(int limit) {
        return limit <= 0 ? List.of() : rows.topTexts(keptSince(), Math.min(limit, MAX_TOP));
    }

    /** Prefecture code → checker answers with a hometown there that found no 該当, over the kept period. */
    public Map<String, Long> noEligibleByPrefecture() {
        return rows.totals(Kind.CHECKER, keptSince());
    }

    /** Searches that found nothing and were not kept, over the kept period. */
    public NotKept searchesNotKept() {
        Map<String, Long> n = rows.totals(Kind.NOT_KEPT, keptSince());
        return new NotKept(n.getOrDefault(NeedsTally.PERSONAL, 0L), n.getOrDefault(NeedsTally.OVER_MEMORY, 0L),
                n.getOrDefault(NeedsTally.OVER_DAY_LIMIT, 0L));
    }

    static boolean isPrefecture(String code) {
        if (code == null || code.length() != 2 || code.charAt(0) < '0' || code.charAt(0) > '4'
                || code.charAt(1) < '0' || code.charAt(1) > '9') {
            return false;
        }
        int n = (code.charAt(0) - '0') * 10 + code.charAt(1) - '0';
        return n >= 1 && n <= 47;
    }
}
