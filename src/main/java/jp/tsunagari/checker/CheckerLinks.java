package jp.tsunagari.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.catalogue.CompareSelection;
import jp.tsunagari.eligibility.Verdict;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Bookmarkable /eligibility URLs for the answers as typed: a verdict's list and its pages, a filter removed, all
 * filters removed, and the form again with every answer kept (「条件を変更」). Each carries the programs chosen for a
 * comparison ({@code compare}), like the lists' links.
 */
final class CheckerLinks {

    private final Map<String, String> answers = new LinkedHashMap<>();
    private final CheckerQuery query;
    private final CompareSelection selection;

    CheckerLinks(CheckerForm form, CheckerQuery query, CompareSelection selection) {
        this.query = query;
        this.selection = selection;
        put("age", form.age());
        put("hometown", form.hometown());
        put("residence", form.residence());
        put("school", form.school());
        put("grade", form.grade());
        put("familyHome", form.familyHome());
        put("applicant", form.applicant());
        put("groupSize", form.groupSize());
        put("groupYoung", form.groupYoung());
        put("date", form.date());
    }

    /** An applied filter and the URL without it. */
    public record Applied(String dimension, String value, String url) {
    }

    /** The answers as hidden fields of the filter form (name → value). */
    public Map<String, String> answers() {
        return answers;
    }

    /** This page (its verdict, page and filters) without the comparison's selection: the base of 「比較に追加」. */
    public String here() {
        return uri(query.verdict(), query.page(), query.filters(), null, null, false);
    }

    /** Page {@code n} of the list shown. */
    public String page(int n) {
        return build(query.verdict(), n, query.filters(), null, null, false);
    }

    /** The first page of one verdict's list ({@code eligible}, {@code check}, {@code not-eligible}), same filters. */
    public String verdict(Verdict v) {
        return build(v, 1, query.filters(), null, null, false);
    }

    /** The first page of the 非該当 list. */
    public String notEligible() {
        return verdict(Verdict.NOT_ELIGIBLE);
    }

    /** The results without any verdict chosen (該当 and 要確認 first pages), same filters. */
    public String overview() {
        return build(null, 1, query.filters(), null, null, false);
    }

    public String withoutFilters() {
        return build(query.verdict(), 1, Map.of(), null, null, false);
    }

    /** The e-mail alert form for these answers and filters (the 申込日 is each mail's day, so it is not kept). */
    public String alerts() {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/alerts/new").queryParam("kind", "checker");
        answers.forEach((name, value) -> {
            if (!"date".equals(name)) {
                b.queryParam(name, value);
            }
        });
        query.filters().forEach((dimension, values) -> new TreeSet<>(values).forEach(v -> b.queryParam(dimension, v)));
        return b.encode().build().toUriString();
    }

    /** The form again, every answer filled in. */
    public String edit() {
        return build(null, 1, Map.of(), null, null, true);
    }

    public List<Applied> applied() {
        List<Applied> applied = new ArrayList<>();
        query.filters().forEach((dimension, values) -> new TreeSet<>(values).forEach(value -> applied.add(
                new Applied(dimension, value, build(query.verdict(), 1, query.filters(), dimension, value, false)))));
        return applied;
    }

    private void put(String name, String value) {
        if (value != null && !value.isBlank()) {
            answers.put(name, value.strip());
        }
    }

    private String build(Verdict verdict, int page, Map<String, Set<String>> filters, String removeDimension,
                         String removeValue, boolean edit) {
        return selection.carriedBy(uri(verdict, page, filters, removeDimension, removeValue, edit));
    }

    private String uri(Verdict verdict, int page, Map<String, Set<String>> filters, String removeDimension,
                       String removeValue, boolean edit) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/eligibility");
        answers.forEach(b::queryParam);
        filters.forEach((dimension, values) -> new TreeSet<>(values).stream()
                .filter(v -> !(dimension.equals(removeDimension) && v.equals(removeValue)))
                .forEach(v -> b.queryParam(dimension, v)));
        if (verdict != null) {
            b.queryParam("verdict", CheckerQuery.Code.of(verdict).value);
        }
        if (page > 1) {
            b.queryParam("page", page);
        }
        if (edit) {
            b.queryParam("edit", "true");
        }
        return b.encode().build().toUriString();
    }
}
