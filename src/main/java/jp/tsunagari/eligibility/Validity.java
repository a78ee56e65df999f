package jp.tsunagari.eligibility;

import java.time.LocalDate;

/**
 * When a target group's rules apply: from {@code from} to {@code to} inclusive, either end open (null). A rule change
 * is two groups, the old one valid until the day before the new one starts; the checker's 申込日 picks the one in force.
 */
public record Validity(LocalDate from, LocalDate to) {

    public static final Validity ALWAYS = new Validity(null, null);

    public boolean isAlways() {
        return from == null && to == null;
    }

    /** True if the rules apply on {@code day}; a missing day (no 申込日) does not rule a group out. */
    public boolean covers(LocalDate day) {
        return day == null || (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** The form the search index keeps: {@code 2026-04-01~2027-03-31}, an open end left empty. */
    public String term() {
        return (from == null ? "" : from.toString()) + "~" + (to == null ? "" : to.toString());
    }

    public static Validity parse(String term) {
        int tilde = term.indexOf('~');
        String a = term.substring(0, tilde);
        String b = term.substring(tilde + 1);
        return new Validity(a.isEmpty() ? null : LocalDate.parse(a), b.isEmpty() ? null : LocalDate.parse(b));
    }
}
