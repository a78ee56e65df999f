package jp.tsunagari.catalogue.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Unpublished changes to a published program (JSON content); the public sees the program until they are published. */
@Entity
@Table(name = "program_draft")
public class PendingDraft {

    @Id
    @Column(name = "program_id")
    private Long programId;

    private String content;

    @Column(name = "base_version")
    private long baseVersion;

    @Column(name = "updated_by")
    private String updatedBy;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PendingDraft() {
    }

    public PendingDraft(long programId) {
        this.programId = programId;
    }

    public void update(String json, long version, String user, Instant now) {
        this.content = json;
        this.baseVersion = version;
        this.updatedBy = user;
        this.updatedAt = now;
    }

    public String content() {
        return content;
    }
}
