package jp.tsunagari.checker;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.place.Places;
import jp.tsunagari.search.DiscoveryFilters;
import jp.tsunagari.system.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The checker's answers kept for later (e-mail alerts): in one canonical form (each given answer as read — places
 * as codes — then the category, region and prefecture filters; no 申込日, verdict or page), read back as the profile
 * of a later day, and described in words. Only what the person answered is kept. The age moves with time: it is
 * kept with the day it was given, and on a later day it is that age plus the whole years since — the youngest the
 * person can be then (a year later they may be one year older already, never younger).
 */
@Service
public class SavedAnswers {

    private static final List<String> FILTERS = List.of("category", "region", "pref");

    private final ProfileReader reader;
    private final DiscoveryFilters filters;
    private final CheckerPage page;
    private final Places places;
    private final MessageSource messages;

    SavedAnswers(ProfileReader reader, DiscoveryFilters filters, CheckerPage page, Places places,
                 MessageSource messages) {
        this.reader = reader;
        this.filters = filters;
        this.page = page;
        this.places = places;
        this.messages = messages;
    }

    /** Answers as kept ({@code conditions}), the age given (or null), and what could not be used. */
    public record Saved(String conditions, Integer age, FormErrors errors, List<DiscoveryFilters.Problem> problems) {

        public boolean usable() {
            return errors.isEmpty() && problems.isEmpty() && !conditions.isEmpty();
        }
    }

    public Saved save(CheckerForm form) {
        ProfileReader.Read read = reader.read(CheckerForm.answers(form.age(), form.hometown(), form.residence(),
                form.school(), form.grade(), form.familyHome(), form.applicant(), form.groupSize(), form.groupYoung(),
                null));
        DiscoveryFilters.Selection selection = filters.select(form.category(), form.region(), form.pref());
        Profile p = read.profile();
        Map<String, String> answers = new LinkedHashMap<>();
        put(answers, "age", p.age());
        put(answers, "hometown", p.hometown());
        put(answers, "residence", p.residence());
        put(answers, "school", p.school() == null ? null : p.school().code());
        put(answers, "grade", p.grade());
        put(answers, "familyHome", p.familyHome());
        put(answers, "applicant", p.applicant() == null ? null : p.applicant().code());
        put(answers, "groupSize", p.groupSize());
        put(answers, "groupYoung", p.groupYoung());
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        answers.forEach(b::queryParam);
        boolean any = !answers.isEmpty();
        for (String dimension : FILTERS) {
            new TreeSet<>(selection.selected().getOrDefault(dimension, Set.of())).forEach(v -> b.queryParam(dimension, v));
        }
        String query = b.encode().build().toUriString();
        return new Saved(any ? query.substring(1) : "", p.age(), read.errors(), selection.problems());
    }

    /** The profile of the kept answers on {@code day} (the age moved on by the whole years since {@code ageOn}). */
    public Profile profile(String conditions, LocalDate ageOn, LocalDate day) {
        MultiValueMap<String, String> v = params(conditions);
        String age = v.getFirst("age");
        if (age != null && ageOn != null && day.isAfter(ageOn)) {
            age = Long.toString(Integer.parseInt(age) + ChronoUnit.YEARS.between(ageOn, day));
        }
        Profile read = reader.read(CheckerForm.answers(age, v.getFirst("hometown"), v.getFirst("residence"),
                v.getFirst("school"), v.getFirst("grade"), v.getFirst("familyHome"), v.getFirst("applicant"),
                v.getFirst("groupSize"), v.getFirst("groupYoung"), day.toString())).profile();
        return read;
    }

    /** The kept filters as a /programs query ({@code category=…&pref=…}), for matching changed programs. */
    public String filters(String conditions) {
        MultiValueMap<String, String> v = params(conditions);
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        FILTERS.forEach(d -> v.getOrDefault(d, List.of()).forEach(x -> b.queryParam(d, x)));
        String query = b.encode().build().toUriString();
        return query.isEmpty() ? "" : query.substring(1);
    }

    /** The results page of the kept answers (today's 申込日). */
    public String resultsPath(String conditions, LocalDate ageOn, LocalDate day) {
        MultiValueMap<String, String> v = params(conditions);
        Profile p = profile(conditions, ageOn, day);
        UriComponentsBuilder b = UriComponentsBuilder.fromPath("/eligibility");
        v.forEach((k, values) -> values.forEach(x -> b.queryParam(k, "age".equals(k) && p.age() != null ? p.age() : x)));
        return b.encode().build().toUriString();
    }

    /** One answer or filter in words: the question and the answer. */
    public record Line(String label, String value) {
    }

    /** The answers given (on {@code day}) and the filters, in words. */
    public List<Line> describe(String conditions, LocalDate ageOn, LocalDate day, Locale locale) {
        Profile p = profile(conditions, ageOn, day);
        Set<String> codes = new TreeSet<>();
        for (String code : new String[] {p.hometown(), p.residence(), p.familyHome()}) {
            if (code != null && !Profile.ABROAD.equals(code)) {
                codes.add(code);
            }
        }
        List<Line> lines = new ArrayList<>();
        for (CheckerPage.Answer a : page.answers(p, places.namesOf(codes), locale)) {
            if (a.answered()) {
                lines.add(new Line(messages.getMessage(a.questionKey(), null, locale), a.name() != null ? a.name()
                        : messages.getMessage(a.valueKey(), a.args(), locale)));
            }
        }
        return lines;
    }

    private static MultiValueMap<String, String> params(String conditions) {
        MultiValueMap<String, String> raw = UriComponentsBuilder.fromUriString("/eligibility?" + conditions).build(true)
                .getQueryParams();
        MultiValueMap<String, String> decoded = new org.springframework.util.LinkedMultiValueMap<>();
        raw.forEach((k, values) -> values.forEach(x -> decoded.add(k, x == null ? "" :
                java.net.URLDecoder.decode(x, java.nio.charset.StandardCharsets.UTF_8))));
        return decoded;
    }

    private static void put(Map<String, String> answers, String field, Object value) {
        if (value != null) {
            answers.put(field, value.toString());
        }
    }
}
