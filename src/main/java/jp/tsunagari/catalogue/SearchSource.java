package jp.tsunagari.catalogue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.TargetGroup;

/**
 * A published program as the search index sees it: the fields it filters, facets and sorts on, and all its text.
 * {@code places} lists every prefecture the program concerns (organizer and example groups) with their regions;
 * {@code maintainers} the organizations that maintain it (6-digit codes, the rule of {@link Maintainers#of});
 * {@code groups} are its target groups with their criteria loaded (for the eligibility lookup); {@code schedule} its
 * end and 受付期間; {@code published} is when its public content last changed (published, changed while published,
 * or published again), for the feeds; {@code page} is the whole content of this version, which the index keeps so
 * that a program page and the checker need not read it from the database ({@link IndexedPages}).
 */
public record SearchSource(long id, String name, String nameKana, String categoryCode, Set<String> prefectureCodes,
                           Set<String> regionCodes, Set<String> maintainers, Set<Audience> audiences, Channel channel,
                           Lifecycle lifecycle, Integer sourceOrder, Integer startYearMonth, Long reach,
                           List<String> placeNames,
                           List<String> texts, List<TargetGroup> groups, ProgramContent.Schedule schedule,
                           Instant published, Page page, LocalDate unconfirmedFrom) {

    /** Whether the program counts as recently confirmed on {@code today} ({@code unconfirmedFrom}: see {@link Freshness}). */
    public boolean confirmedRecently(LocalDate today) {
        return today.isBefore(unconfirmedFrom);
    }

    /**
     * The program's version, its {@link ProgramContent} as JSON (the form a history revision stores) and its audience
     * tags as stored (the lists and facets show those, so the page shows the same).
     */
    public record Page(long version, String json, Set<Audience> audiences) {
    }

    /** 受付状況 on {@code today} (the index keeps that of the day it was written; it is refreshed daily). */
    public Acceptance acceptance(java.time.LocalDate today) {
        return Acceptance.of(lifecycle, schedule, today);
    }
}
