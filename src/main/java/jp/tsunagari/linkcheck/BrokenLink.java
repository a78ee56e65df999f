package jp.tsunagari.linkcheck;

import java.time.Instant;
import jp.tsunagari.catalogue.ProgramLinks;

/**
 * A broken address of a program as the last check found it: which address, the URL checked, the outcome and HTTP
 * status (null without an answer), when it was checked and since when it has been failing; {@code changed} when the
 * program gives another address now (fixed since, to be confirmed by the next check).
 */
public record BrokenLink(long programId, String programName, ProgramLinks.Kind kind, String url, LinkOutcome outcome,
                         Integer status, Instant checkedAt, Instant firstFailedAt, boolean changed) {
}
