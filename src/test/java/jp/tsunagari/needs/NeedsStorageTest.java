package jp.tsunagari.needs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.tsunagari.system.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts in the database, through the module's own parts on the test database with a clock of the test's
 * (2031-03-10 in Japan): flushes and instances add up, a day keeps a bounded number of texts, old days go once a day,
 * the reads cover the kept period only, and stopping the application flushes. Every row is deleted after each test
 * (no other code writes the table in tests: the timer does not flush there).
 */
@SpringBootTest
class NeedsStorageTest {

    static final LocalDate TODAY = LocalDate.of(2031, 3, 10);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NeedRows rows;

    final TestClock clock = new TestClock(Instant.parse("2031-03-10T03:00:00Z"));

    /** One instance: its tally, flush and face, on the shared rows. */
    record Instance(UnmetNeeds needs, NeedsFlush flush) {
    }

    Instance instance(int textsPerDay) {
        NeedsSettings settings = new NeedsSettings(Duration.ofDays(90), 10_000, textsPerDay, Duration.ofMinutes(1));
        NeedsTally tally = new NeedsTally(settings);
        return new Instance(new UnmetNeeds(tally, rows, settings, clock), new NeedsFlush(tally, rows, settings, clock));
    }

    @AfterEach
    void deleteRows() {
        jdbc.update("delete from unmet_need");
    }

    static void search(UnmetNeeds needs, String text, int times) {
        for (int i = 0; i < times; i++) {
            needs.searchFoundNothing(text);
        }
    }

    @Test
    void twoFlushesAndTwoInstancesAddUp() {
        Instance a = instance(1000);
        Instance b = instance(1000);
        search(a.needs(), "岩手 奨学金", 2);
        a.flush().flush();
        search(a.needs(), "岩手　奨学金", 3);
        search(b.needs(), "岩手 奨学金 ", 4);
        search(b.needs(), "ＬＩＮＥ", 1);
        a.needs().checkerFoundNoEligible("03");
        b.needs().checkerFoundNoEligible("03");
        b.needs().checkerFoundNoEligible("47");
        b.needs().checkerFoundNoEligible("48");
        b.needs().checkerFoundNoEligible("032018");
        a.flush().flush();
        b.flush().flush();
        a.flush().flush();
        assertThat(a.needs().topSearches(50)).containsExactly(new UnmetNeeds.SearchCount("岩手 奨学金", 9),
                new UnmetNeeds.SearchCount("line", 1));
        assertThat(b.needs().noEligibleByPrefecture()).containsExactly(Map.entry("03", 2L), Map.entry("47", 1L));
        assertThat(jdbc.queryForObject("select count(*) from unmet_need", Integer.class)).isEqualTo(4);
    }

    /** Another instance inserted the key between this one's update and insert: the insert becomes an update. */
    @Test
    void aKeyInsertedMeanwhileIsAddedTo() {
        NeedsTally.Key key = new NeedsTally.Key(TODAY, Kind.SEARCH, "移住 支援");
        rows.add(Map.of(key, 2L), 1000);
        rows.insertOrAdd(key, 5);
        assertThat(instance(1000).needs().topSearches(1)).containsExactly(new UnmetNeeds.SearchCount("移住 支援", 7));
    }

    @Test
    void personalDataIsCountedButNeverStored() {
        Instance a = instance(1000);
        for (String typed : List.of("taro@example.jp", "090-1234-5678", "+81 90 1234 5678", "０３１２３４５６７８")) {
            a.needs().searchFoundNothing(typed);
        }
        a.needs().searchFoundNothing("   ");
        a.flush().flush();
        assertThat(a.needs().topSearches(50)).isEmpty();
        assertThat(a.needs().searchesNotKept()).isEqualTo(new UnmetNeeds.NotKept(4, 0, 0));
        assertThat(jdbc.queryForList("select item from unmet_need", String.class)).containsExactly("personal");
    }

    /** Whatever is typed is stored without error, at most 100 characters, no NUL and no half character. */
    @Test
    void hostileTextsAreStoredSafely() {
        Instance a = instance(1000);
        List<String> typed = List.of("a\u0000b", "\uD800x", "\uFDFA".repeat(50), "'; drop table unmet_need; --",
                "😀".repeat(60), "\u202Eevil", "a".repeat(10_000), "\uDC00", "ｱ\u3099".repeat(80));
        typed.forEach(a.needs()::searchFoundNothing);
        a.flush().flush();
        List<String> stored = jdbc.queryForList("select item from unmet_need where kind = 'search'", String.class);
        assertThat(stored).hasSize(typed.size() - 1).allSatisfy(text -> {
            assertThat(text.length()).isBetween(1, QueryText.MAX_LENGTH);
            assertThat(text).doesNotContain("\u0000").isEqualTo(QueryText.normalize(text));
        });
        assertThat(stored).contains("a b", "x", "'; drop table unmet_need; --", "😀".repeat(50));
    }

    @Test
    void aDayKeepsItsLimitOfTextsTheMostSearchedFirst() {
        Instance a = instance(3);
        search(a.needs(), "one", 1);
        search(a.needs(), "two", 2);
        search(a.needs(), "three", 3);
        search(a.needs(), "four", 4);
        search(a.needs(), "five", 5);
        a.flush().flush();
        search(a.needs(), "one", 10);
        search(a.needs(), "three", 1);
        a.flush().flush();
        assertThat(a.needs().topSearches(50)).containsExactly(new UnmetNeeds.SearchCount("five", 5),
                new UnmetNeeds.SearchCount("four", 4), new UnmetNeeds.SearchCount("three", 4));
        assertThat(a.needs().searchesNotKept()).isEqualTo(new UnmetNeeds.NotKept(0, 0, 13));
        clock.set(Instant.parse("2031-03-10T15:00:00Z")); // the next day in Japan
        search(a.needs(), "one", 1);
        a.flush().flush();
        assertThat(a.needs().topSearches(1)).containsExactly(new UnmetNeeds.SearchCount("five", 5));
        assertThat(a.needs().topSearches(50)).contains(new UnmetNeeds.SearchCount("one", 1));
    }

    @Test
    void daysPastTheKeptPeriodAreDeletedOnceADayAndNotRead() {
        insert(TODAY.minusDays(90), "old", 7);
        insert(TODAY.minusDays(89), "kept", 1);
        insert(TODAY.minusDays(88), "later", 1);
        Instance a = instance(1000);
        assertThat(a.needs().keptSince()).isEqualTo(TODAY.minusDays(89));
        assertThat(a.needs().topSearches(50)).as("read before deletion").extracting(UnmetNeeds.SearchCount::text)
                .containsExactly("kept", "later");
        a.flush().flush();
        assertThat(days()).containsExactly(Date.valueOf(TODAY.minusDays(89)), Date.valueOf(TODAY.minusDays(88)));
        insert(TODAY.minusDays(95), "old", 7);
        a.flush().flush();
        assertThat(days()).as("deleted at most once a day").hasSize(3);
        clock.set(Instant.parse("2031-03-10T15:00:00Z")); // 2031-03-11 in Japan
        a.flush().flush();
        assertThat(days()).containsExactly(Date.valueOf(TODAY.minusDays(88)));
        assertThat(a.needs().topSearches(50)).extracting(UnmetNeeds.SearchCount::text).containsExactly("later");
    }

    @Test
    void stoppingTheApplicationFlushes() {
        new ApplicationContextRunner()
                .withBean(JdbcTemplate.class, () -> jdbc)
                .withBean(java.time.Clock.class, () -> clock)
                .withUserConfiguration(NeedsTally.class, NeedRows.class, NeedsFlush.class, UnmetNeeds.class)
                .run(context -> {
                    context.getBean(UnmetNeeds.class).searchFoundNothing("閉じる前");
                    context.getBean(UnmetNeeds.class).checkerFoundNoEligible("13");
                    assertThat(jdbc.queryForObject("select count(*) from unmet_need", Integer.class)).isZero();
                });
        assertThat(jdbc.queryForList("select item from unmet_need order by item", String.class))
                .containsExactly("13", "閉じる前");
    }

    void insert(LocalDate day, String text, long n) {
        jdbc.update("insert into unmet_need (counted_on, kind, item, n) values (?, 'search', ?, ?)", Date.valueOf(day),
                text, n);
    }

    List<Date> days() {
        return jdbc.queryForList("select distinct counted_on from unmet_need order by counted_on", Date.class);
    }
}
