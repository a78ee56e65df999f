package jp.tsunagari.catalogue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.system.JapanTime;
import org.springframework.stereotype.Service;

/**
 * Builds a {@link Comparison} of published programs: one detail read per id (the program page's own read, from the
 * index's stored copy when it is current), at most {@link CompareSelection#MAX} of them — never a list query.
 */
@Service
public class Comparisons {

    private final ProgramPageLoader details;
    private final ComparisonFacts facts;
    private final Clock clock;

    Comparisons(ProgramPageLoader details, ComparisonFacts facts, Clock clock) {
        this.details = details;
        this.facts = facts;
        this.clock = clock;
    }

    /** The published programs among {@code ids} (the first {@link CompareSelection#MAX}) side by side. */
    public Comparison compare(List<Long> ids, Locale locale) {
        LocalDate today = today();
        List<Comparison.Column> columns = new ArrayList<>();
        List<Map<ComparedFact, List<String>>> rows = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (Long id : ids.stream().distinct().limit(CompareSelection.MAX).toList()) {
            details.published(id).ifPresentOrElse(d -> {
                columns.add(new Comparison.Column(id, d.program().name()));
                rows.add(facts.of(d, today, locale));
            }, () -> missing.add(id));
        }
        return Comparison.of(columns, rows, missing);
    }

    /** The day the 受付状況 and the rules' 適用期間 are judged on (Japan). */
    public LocalDate today() {
        return JapanTime.today(clock);
    }
}
