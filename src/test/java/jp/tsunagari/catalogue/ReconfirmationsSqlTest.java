package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue's statements on the suite's database (H2, and PostgreSQL under {@code -Ppostgres}), inside a transaction
 * rolled back at the end: the seeded programs (as of 2025-03-04) are asked about once, a program the link check put in
 * the queue meanwhile is asked about with them, the reminder and the hand-over follow a month apart, a program under
 * review is not reminded, and a confirmation ends a request.
 */
@SpringBootTest
@Transactional
class ReconfirmationsSqlTest {

    @Autowired
    Reconfirmations reconfirmations;
    @Autowired
    JdbcTemplate jdbc;

    static final LocalDate DAY = LocalDate.of(2027, 1, 11);

    @Test
    void askRemindHandOver() {
        jdbc.update("delete from reconfirmation");
        long flagged = 7;
        reconfirmations.linksChecked(flagged, true, false);
        reconfirmations.linksChecked(flagged, true, false);
        List<Reconfirmations.Due> asked = reconfirmations.askNext(DAY, Reconfirmations.Cursor.START);
        int published = jdbc.queryForObject("select count(*) from program where status = 'PUBLISHED'"
                + " and assured_on <= ?", Integer.class, DAY.minusMonths(12));
        assertThat(asked).hasSize(published - 1).noneMatch(d -> d.programId() == flagged);
        assertThat(reconfirmations.askNext(DAY, Reconfirmations.Cursor.START)).as("asked once").isEmpty();
        List<Reconfirmations.Due> byLink = reconfirmations.askFlaggedNext(DAY);
        assertThat(byLink).extracting(Reconfirmations.Due::programId).containsExactly(flagged);
        assertThat(byLink.get(0).brokenLink()).isTrue();
        assertThat(byLink.get(0).maintainers()).contains("032018");

        long inReview = asked.get(0).programId();
        jdbc.update("insert into program_review (program_id, state, organization_code, submitted_by, submitted_at,"
                + " updated_at) values (?, 'SUBMITTED', 'office', 'sql-test', current_timestamp, current_timestamp)",
                inReview);
        assertThat(reconfirmations.remindNext(DAY.plusDays(30))).as("not a month yet").isEmpty();
        List<Reconfirmations.Due> reminded = reconfirmations.remindNext(DAY.plusMonths(1));
        assertThat(reminded).as("every asked program but the one under review").hasSize(published - 1)
                .noneMatch(d -> d.programId() == inReview);
        assertThat(reconfirmations.escalateNext(DAY.plusMonths(1))).isEmpty();
        assertThat(reconfirmations.escalateNext(DAY.plusMonths(2))).hasSize(published - 1);

        jdbc.update("update program set assured_on = ? where id = ?", DAY.plusMonths(2), flagged);
        assertThat(reconfirmations.dropOutdated()).isEqualTo(1);
        reconfirmations.linksChecked(asked.get(1).programId(), false, true);
        assertThat(jdbc.queryForObject("select count(*) from reconfirmation", Integer.class))
                .as("a program due by date stays when its links work").isEqualTo(published - 1);
    }
}
