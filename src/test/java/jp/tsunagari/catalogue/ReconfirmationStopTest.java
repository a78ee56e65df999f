package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Transactional;

/**
 * The re-confirmation look stopped by a shutdown (issue 30), on the suite's database inside a transaction rolled back
 * at the end: no mail goes after the stop was seen, and the programs asked in this look whose mail did not go are set
 * back (no {@code asked_on}), so the next look asks them (through the flagged step) instead of never.
 */
@SpringBootTest
@Transactional
@RecordApplicationEvents
class ReconfirmationStopTest {

    static final LocalDate DAY = LocalDate.of(2027, 1, 11);

    @Autowired
    ReconfirmationJob.Cycle cycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void noRequests() {
        jdbc.update("delete from reconfirmation");
    }

    private int asked() {
        return jdbc.queryForObject("select count(*) from reconfirmation where asked_on is not null", Integer.class);
    }

    private List<ReconfirmationRequest> mails() {
        return events.stream(ReconfirmationRequest.class).toList();
    }

    @Test
    void stoppedAfterTheFirstPageSendsNothingAndSetsTheAskedBack() {
        cycle.run(DAY, () -> asked() > 0);   // stops once the first page is written
        int rows = jdbc.queryForObject("select count(*) from reconfirmation", Integer.class);
        assertThat(rows).as("programs asked in the stopped look").isGreaterThan(1);
        assertThat(mails()).as("no mail after the stop").isEmpty();
        assertThat(asked()).as("every asked row set back").isZero();

        cycle.run(DAY, () -> false);
        List<ReconfirmationRequest> asks = mails().stream()
                .filter(m -> m.step() == ReconfirmationRequest.Step.ASK).toList();
        assertThat(asks).isNotEmpty();
        Set<Long> mailed = new HashSet<>();
        asks.forEach(m -> m.programs().forEach(d -> mailed.add(d.programId())));
        assertThat(mailed).as("the next look asks every program set back").hasSize(rows);
        assertThat(asked()).isEqualTo(rows);
    }

    @Test
    void stoppedAfterOneMailSetsBackOnlyThoseNoMailWentFor() {
        cycle.run(DAY, () -> !mails().isEmpty());   // stops after the first organization's mail
        assertThat(mails()).as("one mail, none after the stop").hasSize(1);
        ReconfirmationRequest sent = mails().getFirst();
        Set<Long> inMail = new HashSet<>();
        sent.programs().forEach(d -> inMail.add(d.programId()));
        List<Long> stillAsked = jdbc.queryForList("select program_id from reconfirmation where asked_on is not null",
                Long.class);
        List<Long> setBack = jdbc.queryForList("select program_id from reconfirmation where asked_on is null",
                Long.class);
        assertThat(stillAsked).as("the programs of the mail sent stay asked").containsExactlyInAnyOrderElementsOf(inMail);
        assertThat(setBack).as("the others are set back").isNotEmpty().doesNotContainAnyElementsOf(inMail);
    }
}
