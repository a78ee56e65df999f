package jp.tsunagari.catalogue;

import java.time.Instant;

/** One entry of a program's history as staff see it: who did what when, and the status after it. */
public record ProgramRevision(long programId, int revision, RevisionAction action, PublicationStatus status,
                              String changedBy, Instant changedAt) {
}
