package jp.tsunagari.admin;

import java.time.LocalDate;
import java.util.List;
import jp.tsunagari.catalogue.FollowUpCounts;

/**
 * The overview's figures on keeping programs true, as rows for the page and the CSV files: published programs by the
 * age of their 最終確認日, the lists of programs to confirm (links to the staff list's filters), reviews by age.
 * Each row's {@code key} ends its message key ({@code admin.overview.band.KEY}, …).
 */
record FollowUp(FollowUpCounts.Bands bands, List<Band> bandRows, List<Attention> lists, List<Age> reviews) {

    /** A band of 最終確認日, {@code from}..{@code to} (null: open), with its programs. */
    record Band(String key, LocalDate from, LocalDate to, long count) {
    }

    /** A list of programs to look at, with its count and the staff list's URL. */
    record Attention(String key, long count, String href) {
    }

    /** Reviews of one age, all those waiting ({@code waiting}), or those returned. */
    record Age(String key, long count) {
    }

    static FollowUp of(FollowUpCounts.Bands b, long overdue, long linkFlagged, long brokenLinkPrograms,
                       FollowUpCounts.ReviewAges r) {
        List<Band> bands = List.of(
                new Band("recent", b.recentAfter().plusDays(1), null, b.recent()),
                new Band("halfYear", b.dueOnOrBefore().plusDays(1), b.recentAfter(), b.halfYear()),
                new Band("due", b.noticeOnOrBefore().plusDays(1), b.dueOnOrBefore(), b.due()),
                new Band("unconfirmed", null, b.noticeOnOrBefore(), b.unconfirmed()));
        List<Attention> lists = List.of(
                new Attention("due", b.dueOrLonger() + linkFlagged, "/admin?status=DUE&sort=ASSURED"),
                new Attention("unconfirmed", b.unconfirmed(), "/admin?status=UNCONFIRMED&sort=ASSURED"),
                new Attention("overdue", overdue, "/admin?status=OVERDUE&sort=ASSURED"),
                new Attention("brokenLinks", brokenLinkPrograms, "/admin/links"));
        List<Age> reviews = List.of(new Age("underWeek", r.underWeek()), new Age("underMonth", r.underMonth()),
                new Age("older", r.older()), new Age("waiting", r.waiting()), new Age("returned", r.returned()));
        return new FollowUp(b, bands, lists, reviews);
    }
}
