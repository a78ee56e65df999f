package jp.tsunagari.checker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Region;
import jp.tsunagari.system.Localized;
import jp.tsunagari.system.ResultPage;
import org.springframework.stereotype.Component;

/**
 * What the results view of /eligibility shows: the answers in short (GOV.UK "check your answers"), the counts per
 * verdict, the facet options with their counts per verdict, and the lists.
 */
@Component
class CheckerPage {

    private final CategoryEditor categories;
    private final Places places;

    CheckerPage(CategoryEditor categories, Places places) {
        this.categories = categories;
        this.places = places;
    }

    /** One answer: its question (a message key) and the answer in words (a message key with arguments, or a name). */
    record Answer(String field, String questionKey, String valueKey, Object[] args, String name) {
        public boolean answered() {
            return valueKey != null || name != null;
        }
    }

    /** A facet value with its counts per verdict (under the other dimensions' filters). */
    record Option(String dimension, String value, String label, long eligible, long check, long notEligible,
                  boolean selected) {
        public boolean disabled() {
            return eligible + check + notEligible == 0 && !selected;
        }
    }

    record RegionGroup(Region region, List<Option> options, boolean open) {
    }

    /** One list on the page: its verdict, the page of results, and whether more pages exist beyond it. */
    record Listing(CheckerQuery.Code code, ResultPage<EligibilityResults.Result> results) {
    }

    /** {@code names}: the names of the profile's places (looked up with the results'). */
    List<Answer> answers(Profile p, Map<String, Localized> names, Locale locale) {
        List<Answer> answers = new ArrayList<>();
        answers.add(p.age() == null ? none("age") : new Answer("age", "checker.age", "checker.summary.age", new Object[] {p.age()}, null));
        answers.add(place("hometown", "checker.hometown", p.hometown(), names, locale));
        answers.add(Profile.ABROAD.equals(p.residence())
                ? new Answer("residence", "checker.residence", "checker.summary.abroad", new Object[0], null)
                : place("residence", "checker.residence", p.residence(), names, locale));
        answers.add(p.school() == null ? none("school")
                : new Answer("school", "checker.school", "eligibility.school." + p.school().code(), new Object[0], null));
        answers.add(p.grade() == null ? none("grade")
                : new Answer("grade", "checker.grade", "checker.grade.value", new Object[] {p.grade()}, null));
        answers.add(place("familyHome", "checker.familyHome", p.familyHome(), names, locale));
        answers.add(p.applicant() == null ? none("applicant")
                : new Answer("applicant", "checker.applicant", "checker.applicant." + p.applicant().code(), new Object[0], null));
        answers.add(p.groupSize() == null ? none("groupSize")
                : new Answer("groupSize", "checker.groupSize", "checker.summary.people", new Object[] {p.groupSize()}, null));
        answers.add(p.groupYoung() == null ? none("groupYoung")
                : new Answer("groupYoung", "checker.groupYoung", "checker.summary.people", new Object[] {p.groupYoung()}, null));
        return answers;
    }

    private static Answer none(String field) {
        return new Answer(field, "checker." + field, null, new Object[0], null);
    }

    private static Answer place(String field, String question, String code, Map<String, Localized> names, Locale locale) {
        if (code == null) {
            return none(field);
        }
        Localized name = names.get(code);
        return new Answer(field, question, null, new Object[0], name == null ? code : name.name(locale));
    }

    Map<String, List<Option>> options(CheckerQuery q, EligibilityResults.Found found, Locale locale) {
        Map<String, List<Option>> all = new LinkedHashMap<>();
        all.put("category", categories.all().stream()
                .map(c -> option(q, found, "category", c.code(), c.name(locale))).toList());
        all.put("region", places.regions().stream()
                .map(r -> option(q, found, "region", r.code(), r.name(locale))).toList());
        return all;
    }

    List<RegionGroup> prefectures(CheckerQuery q, EligibilityResults.Found found, Locale locale) {
        List<RegionGroup> groups = new ArrayList<>();
        places.prefecturesByRegion().forEach((region, prefectures) -> {
            List<Option> options = prefectures.stream()
                    .map(p -> option(q, found, "pref", p.code(), p.name(locale))).toList();
            groups.add(new RegionGroup(region, options, options.stream().anyMatch(Option::selected)));
        });
        return groups;
    }

    private static Option option(CheckerQuery q, EligibilityResults.Found f, String dimension, String value, String label) {
        return new Option(dimension, value, label, f.count(dimension, value, Verdict.ELIGIBLE),
                f.count(dimension, value, Verdict.CHECK), f.count(dimension, value, Verdict.NOT_ELIGIBLE),
                q.filters().getOrDefault(dimension, java.util.Set.of()).contains(value));
    }

    List<Listing> listings(CheckerQuery q, EligibilityResults.Found found) {
        int size = EligibilityResults.PAGE_SIZE;
        if (q.verdict() != null) {
            return List.of(new Listing(CheckerQuery.Code.of(q.verdict()),
                    new ResultPage<>(found.slices().get(0), found.total(q.verdict()), q.page(), size)));
        }
        return List.of(
                new Listing(CheckerQuery.Code.ELIGIBLE, new ResultPage<>(found.slices().get(0), found.total(Verdict.ELIGIBLE), 1, size)),
                new Listing(CheckerQuery.Code.CHECK, new ResultPage<>(found.slices().get(1), found.total(Verdict.CHECK), 1, size)));
    }
}
