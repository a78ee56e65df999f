package jp.tsunagari.synthetic;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.system.JapanTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "A day of changes" for the e-mail alerts' benchmark ({@code catalogue.synthetic.changes=N}): N published programs
 * without a pending draft, spread evenly over the id range (every {@code published / N}th, so over categories and
 * prefectures), each edited and published again through the catalogue's own editor ({@link ProgramEditor}), one
 * transaction per program: a real history revision that the public 更新履歴 (and so the alerts) report. Every fifth
 * is renamed with a suffix (名称 changed), the others get a sentence added to their summary (概要 changed).
 */
@Service
@Profile("synthetic")
class SyntheticChanges {

    private static final Logger log = LoggerFactory.getLogger(SyntheticChanges.class);

    /** Who the history says made the changes. */
    static final String USER = "synthetic";
    static final String NAME_SUFFIX = "（改定）";
    private static final int NAME_MAX = 200;
    private static final int SUMMARY_MAX = 1000;

    private final ProgramEditor editor;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SyntheticChanges(ProgramEditor editor, JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.editor = editor;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What one run changed: the programs, in how many categories and prefectures, how long it took in all. */
    record Result(List<Long> programIds, int categories, int prefectures, Duration time) {
    }

    /** Edits and publishes {@code count} published programs (fewer if fewer are published). */
    Result apply(int count) {
        long started = System.nanoTime();
        List<Long> published = jdbc.queryForList("select p.id from program p where p.status = 'PUBLISHED' and not"
                + " exists (select 1 from program_draft d where d.program_id = p.id) order by p.id", Long.class);
        List<Long> chosen = spread(published, count);
        Set<String> categories = new HashSet<>();
        Set<String> prefectures = new HashSet<>();
        long slowest = 0;
        for (int i = 0; i < chosen.size(); i++) {
            long id = chosen.get(i);
            int n = i;
            long t0 = System.nanoTime();
            ProgramContent saved = transactions.execute(status -> edit(id, n));
            slowest = Math.max(slowest, System.nanoTime() - t0);
            categories.add(saved.categoryCode());
            if (saved.organizerPrefectureCode() != null) {
                prefectures.add(saved.organizerPrefectureCode());
            }
        }
        Duration time = Duration.ofNanos(System.nanoTime() - started);
        log.info("Synthetic changes: {} published programs edited and published again (every {}th of {}; {} categories,"
                + " {} prefectures) in {} ms, {} ms each on average, slowest {} ms", chosen.size(),
                Math.max(1, published.size() / Math.max(1, count)), published.size(), categories.size(),
                prefectures.size(), time.toMillis(), chosen.isEmpty() ? 0 : time.toMillis() / chosen.size(),
                slowest / 1_000_000);
        return new Result(chosen, categories.size(), prefectures.size(), time);
    }

    /** {@code count} of the ids, evenly spaced from the first: every {@code ids / count}th. */
    static List<Long> spread(List<Long> ids, int count) {
        if (count <= 0 || ids.isEmpty()) {
            return List.of();
        }
        int step = Math.max(1, ids.size() / count);
        List<Long> chosen = new ArrayList<>();
        for (int i = 0; i < count && i * step < ids.size(); i++) {
            chosen.add(ids.get(i * step));
        }
        return chosen;
    }

    /** One program edited and published, as staff would in the editor; the content saved. */
    private ProgramContent edit(long id, int n) {
        ProgramEditor.Editable e = editor.editable(id).orElseThrow(() -> new IllegalStateException("no program " + id));
        ProgramContent c = e.content();
        ProgramContent changed = n % 5 == 4 && c.name().length() + NAME_SUFFIX.length() <= NAME_MAX
                ? c.renamed(c.name() + NAME_SUFFIX) : withSummary(c, summary(c.summary()));
        editor.save(id, e.version(), changed, true, USER);
        return changed;
    }

    /** The summary with one sentence added (or, when it would be too long, ending in it). */
    private String summary(String before) {
        String added = "（" + JapanTime.today(clock) + "に内容を更新しました。）";
        String kept = before == null ? "" : before;
        if (kept.length() + added.length() > SUMMARY_MAX) {
            kept = kept.substring(0, SUMMARY_MAX - added.length());
        }
        return kept + added;
    }

    private static ProgramContent withSummary(ProgramContent c, String summary) {
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(), c.organizerPrefectureCode(),
                c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(), c.eventMonth(), c.channel(),
                c.lifecycle(), summary, c.benefit(), c.officialUrl(), c.eligibilityText(), c.examplesHeading(),
                c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(), c.examples(),
                c.dataNotes(), c.targetGroups(), c.application(), c.schedule());
    }
}
