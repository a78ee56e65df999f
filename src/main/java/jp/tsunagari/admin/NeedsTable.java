package jp.tsunagari.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.needs.UnmetNeeds;
import jp.tsunagari.place.Prefecture;

/**
 * The overview's unmet needs (the office's only): the search texts that found nothing most often over the kept period
 * (top {@value #TOP}, searched at least {@value #MIN_COUNT} times), how many such searches were not kept (personal data, limits), and the checker answers that
 * found no 該当 per answered hometown prefecture — every prefecture, in code order, zeros too.
 */
record NeedsTable(LocalDate since, List<UnmetNeeds.SearchCount> searches, UnmetNeeds.NotKept notKept,
                  List<PrefectureCount> checker, long checkerTotal) {

    static final int TOP = 50;
    /**
     * A text searched only once is not shown: it tells little about a need, and it is the kind of text most likely
     * to be something only one person would type (a name).
     */
    static final long MIN_COUNT = 2;

    record PrefectureCount(String code, String name, long count) {
    }

    static NeedsTable of(UnmetNeeds needs, List<Prefecture> prefectures, Locale locale) {
        Map<String, Long> byPrefecture = needs.noEligibleByPrefecture();
        List<PrefectureCount> rows = new ArrayList<>();
        long total = 0;
        for (Prefecture p : prefectures) {
            long n = byPrefecture.getOrDefault(p.code(), 0L);
            rows.add(new PrefectureCount(p.code(), p.name(locale), n));
            total += n;
        }
        List<UnmetNeeds.SearchCount> searches = needs.topSearches(TOP).stream().filter(c -> c.count() >= MIN_COUNT)
                .toList();
        return new NeedsTable(needs.keptSince(), searches, needs.searchesNotKept(), rows, total);
    }
}
