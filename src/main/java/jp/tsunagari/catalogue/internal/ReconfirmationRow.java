package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * A program's step in the re-confirmation cycle (written with SQL by {@code catalogue.Reconfirmations}); mapped only so
 * that the staff list can filter by it (links broken; 回答なし: reminded and handed to the office).
 */
@Entity
@Table(name = "reconfirmation")
public class ReconfirmationRow {

    @Id
    @Column(name = "program_id")
    private Long programId;

    @Column(name = "due_since")
    private LocalDate dueSince;

    @Column(name = "broken_link")
    private boolean brokenLink;

    @Column(name = "escalated_on")
    private LocalDate escalatedOn;

    protected ReconfirmationRow() {
    }
}
