package jp.tsunagari.linkcheck;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import jp.tsunagari.catalogue.ProgramLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the catalogue: programs in id order, a page at a time (keyset: never the whole catalogue in memory),
 * each address checked and its result stored at once. An address given by several programs is requested once per
 * pass (the most recent {@value #REMEMBERED} results are kept). A program's failure to store is logged and the pass
 * goes on; only an interruption or its caller's answer after a program (the scheduler shutting down) stops it.
 */
final class LinkCheckPass {

    static final int REMEMBERED = 50_000;
    private static final Logger log = LoggerFactory.getLogger(LinkCheckPass.class);

    private final ProgramLinks programs;
    private final LinkCheckRows rows;
    private final LinkProbe probe;
    private final Clock clock;
    private final int pageSize;
    private final Map<String, ProbeResult> seen = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ProbeResult> eldest) {
            return size() > REMEMBERED;
        }
    };
    private int requested;
    private final Checked checked;

    /**
     * Told after each program: whether a link of it failed in this pass and the one before (same address), and
     * whether all its links work — the re-confirmation queue's {@code catalogue.Reconfirmations#linksChecked}.
     */
    interface Checked {
        void program(long programId, boolean brokenTwice, boolean allWorking);
    }

    LinkCheckPass(ProgramLinks programs, LinkCheckRows rows, LinkProbe probe, Clock clock, int pageSize,
                  Checked checked) {
        this.checked = checked;
        this.programs = programs;
        this.rows = rows;
        this.probe = probe;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Checks the programs with ids in (after, upTo]; after each program, {@code progress} gets its id and answers
     * whether to go on. Returns the id of the last program done: {@code upTo} or beyond when the pass is complete.
     */
    long run(long after, long upTo, LongPredicate progress) throws InterruptedException {
        long cursor = after;
        while (true) {
            List<ProgramLinks.Links> page = programs.after(cursor, pageSize).stream()
                    .filter(p -> p.programId() <= upTo).toList();
            long pageEnd = page.size() < pageSize ? upTo : page.get(page.size() - 1).programId();
            rows.deleteOthersBetween(cursor, pageEnd, page.stream().map(ProgramLinks.Links::programId).toList());
            Map<String, LinkCheckRows.Row> stored = new HashMap<>();
            rows.ofPrograms(page.stream().map(ProgramLinks.Links::programId).toList())
                    .forEach(r -> stored.put(key(r.programId(), r.kind()), r));
            for (ProgramLinks.Links program : page) {
                check(program, stored);
                cursor = program.programId();
                if (!progress.test(cursor)) {
                    return cursor;
                }
            }
            if (page.size() < pageSize) {
                return upTo;
            }
        }
    }

    /** How many distinct addresses this pass has checked so far. */
    int addressesChecked() {
        return requested;
    }

    private void check(ProgramLinks.Links program, Map<String, LinkCheckRows.Row> stored) throws InterruptedException {
        boolean brokenTwice = false;
        boolean allWorking = true;
        for (ProgramLinks.Kind kind : ProgramLinks.Kind.values()) {
            String url = program.urls().get(kind);
            LinkCheckRows.Row before = stored.get(key(program.programId(), kind));
            try {
                if (url == null) {
                    if (before != null) {
                        rows.delete(program.programId(), kind);
                    }
                    continue;
                }
                ProbeResult result = result(url);
                Instant now = clock.instant();
                Instant firstFailed = !result.outcome().broken() ? null
                        : before != null && before.outcome().broken() && before.url().equals(url)
                        && before.firstFailedAt() != null ? before.firstFailedAt() : now;
                rows.store(new LinkCheckRows.Row(program.programId(), kind, url, result.outcome(), result.status(),
                        now, firstFailed));
                allWorking &= !result.outcome().broken();
                brokenTwice |= result.outcome().broken() && firstFailed != now;
            } catch (RuntimeException e) {
                log.warn("Link check: could not store the result of program {} ({}): {}", program.programId(), kind,
                        e.toString());
            }
        }
        try {
            checked.program(program.programId(), brokenTwice, allWorking);
        } catch (RuntimeException e) {
            log.warn("Link check: could not update the re-confirmation queue for program {}: {}", program.programId(),
                    e.toString());
        }
    }

    private ProbeResult result(String url) throws InterruptedException {
        ProbeResult known = seen.get(url);
        if (known != null) {
            return known;
        }
        requested++;
        ProbeResult result = probe.check(url);
        seen.put(url, result);
        return result;
    }

    private static String key(long programId, ProgramLinks.Kind kind) {
        return programId + "/" + kind;
    }
}
