package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.tsunagari.catalogue.ProgramRevision;
import jp.tsunagari.catalogue.PublicationStatus;
import jp.tsunagari.catalogue.RevisionAction;

/** One entry of a program's history: who did what when, and the whole content after it (JSON). Kept after deletion. */
@Entity(name = "ProgramRevision")
@Table(name = "program_revision")
public class ProgramRevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "program_id")
    private long programId;

    private int revision;

    @Enumerated(EnumType.STRING)
    private RevisionAction action;

    @Enumerated(EnumType.STRING)
    private PublicationStatus status;

    private String snapshot;

    @Column(name = "changed_by")
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    protected ProgramRevisionEntity() {
    }

    public ProgramRevisionEntity(long programId, int revision, RevisionAction action, PublicationStatus status, String snapshot,
                    String changedBy, Instant changedAt) {
        this.programId = programId;
        this.revision = revision;
        this.action = action;
        this.status = status;
        this.snapshot = snapshot;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    public long programId() {
        return programId;
    }

    public int revision() {
        return revision;
    }

    public RevisionAction action() {
        return action;
    }

    public PublicationStatus status() {
        return status;
    }

    public String snapshot() {
        return snapshot;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    /** This entry as staff see it in the history. */
    public ProgramRevision value() {
        return new ProgramRevision(programId, revision, action, status, changedBy, changedAt);
    }
}
