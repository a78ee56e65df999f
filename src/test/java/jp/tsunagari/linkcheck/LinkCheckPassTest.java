package jp.tsunagari.linkcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsunagari.catalogue.ProgramLinks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A pass over programs of the real database whose addresses point at a web site in the test JVM ({@link LocalSite}):
 * results stored per program and kind, an address shared by two programs requested once, a failure's first date kept
 * across passes, a removed address's result removed; and the run row's account of the passes (due, resumed, asked
 * for). Only the test's own programs (an id range) are checked, never the seeded ones with real addresses: nothing
 * goes to the internet. The programs and their results are deleted afterwards; the run row is put back as it was.
 */
@SpringBootTest
class LinkCheckPassTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProgramLinks programs;
    @Autowired
    LinkCheckRows rows;
    @Autowired
    LinkCheckProgress progress;
    @Autowired
    jp.tsunagari.catalogue.Reconfirmations reconfirmations;

    LocalSite site;
    final List<Long> ids = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        site = new LocalSite();
    }

    @AfterEach
    void tearDown() {
        site.close();
        for (Long id : ids) {
            jdbc.update("delete from program where id = ?", id);
        }
    }

    long program(String official, String apply, String contact) {
        jdbc.update("insert into program (status, name, name_kana, category_code, organizer_prefecture_code,"
                + " organizer_municipality_code, channel, lifecycle, eligibility_text, official_url, apply_url,"
                + " contact_url, created_at, updated_at, updated_by) values ('DRAFT', ?, 'りんくてすと', 'other', '03',"
                + " '032018', 'LINE', 'ONGOING', '', ?, ?, ?, current_timestamp, current_timestamp, 'link-test')",
                "リンク確認テスト" + ids.size(), official, apply, contact);
        long id = jdbc.queryForObject("select max(id) from program", Long.class);
        ids.add(id);
        return id;
    }

    LinkCheckPass pass(Instant now) {
        LinkProbe probe = new LinkProbe(LinkCheckSettings.of(Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ZERO, true));
        return new LinkCheckPass(programs, rows, probe, Clock.fixed(now, ZoneOffset.UTC), 2, (id, twice, working) -> {
        });
    }

    Map<ProgramLinks.Kind, LinkCheckRows.Row> stored(long id) {
        Map<ProgramLinks.Kind, LinkCheckRows.Row> byKind = new java.util.EnumMap<>(ProgramLinks.Kind.class);
        rows.ofPrograms(List.of(id)).forEach(r -> byKind.put(r.kind(), r));
        return byKind;
    }

    @Test
    void aPassStoresEveryResultAndRequestsASharedAddressOnce() throws Exception {
        long first = program(site.url("/ok?shared"), site.url("/missing"), site.url("/loop-a"));
        long second = program(site.url("/ok?shared"), null, site.url("/silent"));
        long third = program(null, site.url("/no-head"), "javascript:alert(1)");
        Instant monday = Instant.parse("2026-12-07T00:00:00Z");

        List<Long> progress = new ArrayList<>();
        long last = pass(monday).run(first - 1, third, id -> progress.add(id));

        assertThat(last).isEqualTo(third);
        assertThat(progress).containsExactly(first, second, third);
        assertThat(site.count("HEAD /ok?shared")).isEqualTo(1);
        Map<ProgramLinks.Kind, LinkCheckRows.Row> a = stored(first);
        assertThat(a.get(ProgramLinks.Kind.OFFICIAL).outcome()).isEqualTo(LinkOutcome.OK);
        assertThat(a.get(ProgramLinks.Kind.OFFICIAL).firstFailedAt()).isNull();
        assertThat(a.get(ProgramLinks.Kind.APPLY)).extracting(LinkCheckRows.Row::outcome, LinkCheckRows.Row::status,
                LinkCheckRows.Row::checkedAt, LinkCheckRows.Row::firstFailedAt)
                .containsExactly(LinkOutcome.BROKEN, 404, monday, monday);
        assertThat(a.get(ProgramLinks.Kind.CONTACT).outcome()).isEqualTo(LinkOutcome.REDIRECT_LOOP);
        Map<ProgramLinks.Kind, LinkCheckRows.Row> b = stored(second);
        assertThat(b.get(ProgramLinks.Kind.OFFICIAL).outcome()).isEqualTo(LinkOutcome.OK);
        assertThat(b).doesNotContainKey(ProgramLinks.Kind.APPLY);
        assertThat(b.get(ProgramLinks.Kind.CONTACT).outcome()).isEqualTo(LinkOutcome.TIMEOUT);
        Map<ProgramLinks.Kind, LinkCheckRows.Row> c = stored(third);
        assertThat(c.get(ProgramLinks.Kind.APPLY).outcome()).isEqualTo(LinkOutcome.OK);
        assertThat(c.get(ProgramLinks.Kind.CONTACT).outcome()).isEqualTo(LinkOutcome.INVALID);

        // a day later: still failing since Monday; the address given no more has no result any more
        jdbc.update("update program set contact_url = null where id = ?", first);
        Instant tuesday = monday.plus(Duration.ofDays(1));
        pass(tuesday).run(first - 1, third, id -> true);
        Map<ProgramLinks.Kind, LinkCheckRows.Row> again = stored(first);
        assertThat(again.get(ProgramLinks.Kind.APPLY).checkedAt()).isEqualTo(tuesday);
        assertThat(again.get(ProgramLinks.Kind.APPLY).firstFailedAt()).isEqualTo(monday);
        assertThat(again).doesNotContainKey(ProgramLinks.Kind.CONTACT);
    }

    /**
     * A published program whose link fails in two passes in a row joins the re-confirmation queue (its maintainers
     * are asked at the cycle's next look); once its links work again, it leaves the queue.
     */
    @Test
    void aLinkBrokenTwiceInARowPutsTheProgramInTheReconfirmationQueue() throws Exception {
        long id = program(site.url("/ok?queue"), site.url("/missing"), null);
        jdbc.update("update program set status = 'PUBLISHED' where id = ?", id);
        Instant monday = Instant.parse("2026-12-07T00:00:00Z");
        queuePass(monday).run(id - 1, id, x -> true);
        assertThat(queued(id)).as("broken once: maybe a passing fault").isEmpty();

        queuePass(monday.plus(Duration.ofDays(1))).run(id - 1, id, x -> true);
        assertThat(queued(id)).containsExactly("true/null");

        jdbc.update("update program set apply_url = ? where id = ?", site.url("/ok?fixed"), id);
        queuePass(monday.plus(Duration.ofDays(2))).run(id - 1, id, x -> true);
        assertThat(queued(id)).as("its links work again").isEmpty();
    }

    LinkCheckPass queuePass(Instant now) {
        LinkProbe probe = new LinkProbe(LinkCheckSettings.of(Duration.ofSeconds(2), Duration.ofMillis(500),
                Duration.ZERO, true));
        return new LinkCheckPass(programs, rows, probe, Clock.fixed(now, ZoneOffset.UTC), 2,
                reconfirmations::linksChecked);
    }

    /** The program's row in the queue as "broken_link/asked_on", if it has one. */
    List<String> queued(long id) {
        return jdbc.query("select broken_link, asked_on from reconfirmation where program_id = ?",
                (rs, n) -> rs.getBoolean(1) + "/" + rs.getString(2), id);
    }

    @Test
    void aPassStopsWhenToldAndLeavesTheRestForLater() throws Exception {
        long first = program(site.url("/ok?one"), null, null);
        long second = program(site.url("/ok?two"), null, null);
        long last = pass(Instant.now()).run(first - 1, second, id -> false);
        assertThat(last).isEqualTo(first);
        assertThat(stored(first)).containsKey(ProgramLinks.Kind.OFFICIAL);
        assertThat(stored(second)).isEmpty();
        assertThat(site.count("HEAD /ok?two")).isZero();
    }

    @Test
    void theRunRowSaysWhetherAPassIsDueAndWhereItResumes() {
        Map<String, Object> saved = jdbc.queryForMap("select * from link_check_run where id = 1");
        try {
            jdbc.update("update link_check_run set started_at = null, finished_at = null, last_program_id = 0,"
                    + " requested = false where id = 1");
            Duration day = Duration.ofDays(1);
            assertThat(progress.begin(day)).as("never ran").hasValue(0L);
            progress.record(42);
            assertThat(progress.state()).extracting(LinkCheckProgress.State::unfinished,
                    LinkCheckProgress.State::lastProgramId).containsExactly(true, 42L);
            assertThat(progress.begin(day)).as("the rest of the pass").hasValue(42L);
            progress.finish();
            assertThat(progress.state().unfinished()).isFalse();
            assertThat(progress.begin(day)).as("not due for a day").isEmpty();
            assertThat(progress.begin(Duration.ZERO)).as("due after the interval").hasValue(0L);
            progress.finish();
            progress.request();
            assertThat(progress.state().requested()).isTrue();
            assertThat(progress.begin(day)).as("asked for").hasValue(0L);
            assertThat(progress.state()).extracting(LinkCheckProgress.State::requested,
                    LinkCheckProgress.State::unfinished).containsExactly(false, true);
        } finally {
            jdbc.update("update link_check_run set started_at = ?, finished_at = ?, last_program_id = ?,"
                    + " requested = ? where id = 1", saved.get("started_at"), saved.get("finished_at"),
                    saved.get("last_program_id"), saved.get("requested"));
        }
    }

    @Test
    void aDisabledJobAsksForNothing(@Autowired LinkCheckJob job) {
        assertThat(job.requestRun()).isFalse();
        assertThat(job.status().enabled()).isFalse();
        assertThat(Optional.ofNullable(jdbc.queryForObject("select requested from link_check_run where id = 1",
                Boolean.class))).hasValue(false);
    }
}
