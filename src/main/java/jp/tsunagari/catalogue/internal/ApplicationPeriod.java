package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import jp.tsunagari.catalogue.ProgramContent;

/** One row of program_application_period (V15): a 受付期間 of a {@link Program}. */
@Embeddable
public class ApplicationPeriod {

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(nullable = false)
    private boolean yearly;

    protected ApplicationPeriod() {
    }

    ApplicationPeriod(ProgramContent.Period p) {
        this.startsOn = p.start();
        this.endsOn = p.end();
        this.yearly = p.yearly();
    }

    ProgramContent.Period value() {
        return new ProgramContent.Period(startsOn, endsOn, yearly);
    }
}
