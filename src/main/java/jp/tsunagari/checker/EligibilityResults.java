package jp.tsunagari.checker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.catalogue.ScheduleView;
import jp.tsunagari.catalogue.PublishedRules;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.EligibilityText;
import jp.tsunagari.eligibility.Evaluation;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Validity;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.place.Places;
import jp.tsunagari.search.EligibilityLookup;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.Localized;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The checker's answer for a profile: how many published programs are 該当, 要確認 and 非該当 (in all and per
 * category, region and prefecture) from the search index's lookup, and the programs of the pages asked for, each
 * judged in full and put into plain words, criterion by criterion. Work and memory grow with the page, not with the
 * catalogue.
 */
@Service
public class EligibilityResults {

    /** Programs per page on /eligibility. */
    public static final int PAGE_SIZE = 20;

    private final EligibilityLookup lookup;
    private final PublishedRules sources;
    private final EligibilityChecker checker;
    private final EligibilityText text;
    private final Places places;
    private final MessageSource messages;

    EligibilityResults(EligibilityLookup lookup, PublishedRules sources, EligibilityChecker checker, EligibilityText text,
                       Places places, MessageSource messages) {
        this.lookup = lookup;
        this.sources = sources;
        this.checker = checker;
        this.text = text;
        this.places = places;
        this.messages = messages;
    }

    /** One criterion in words: 「年齢: 25歳以下 — 26歳のため対象外」. */
    public record Reason(String aspect, String condition, String reason, String outcome, boolean soft) {
    }

    /** {@code validity}: for a group with dated rules, whether they apply on the 申込日, in words (else null). */
    public record Group(String label, Verdict verdict, List<Reason> reasons, String validity) {
    }

    /** {@code period}: for a program with 受付期間 or an end, where the 申込日 falls, in words (else null). */
    public record Result(long id, String name, String categoryName, Verdict verdict, List<Group> groups,
                         String period) {
    }

    /** Counts per verdict, per facet value and verdict, and the results of each slice asked for, in order. */
    public record Found(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets,
                        List<List<Result>> slices, Map<String, Localized> placeNames) {

        public long total(Verdict v) {
            return totals.getOrDefault(v, 0L);
        }

        public long count(String dimension, String value, Verdict v) {
            return facets.getOrDefault(dimension, Map.of()).getOrDefault(value, Map.of()).getOrDefault(v, 0L);
        }
    }

    public Found find(Profile profile, Map<String, Set<String>> filters, List<EligibilityLookup.Slice> slices,
                      Locale locale) {
        EligibilityLookup.Answer answer = lookup.find(profile, filters, slices);
        Set<Long> ids = new LinkedHashSet<>();
        answer.slices().forEach(ids::addAll);
        List<ProgramRules> programs = sources.rules(List.copyOf(ids));
        Map<String, Localized> names = places.namesOf(placeCodes(programs, profile));
        Map<Long, Result> judged = judge(profile, programs, names, locale).stream()
                .collect(Collectors.toMap(Result::id, Function.identity()));
        List<List<Result>> results = new ArrayList<>();
        for (List<Long> slice : answer.slices()) {
            results.add(slice.stream().map(judged::get).filter(r -> r != null).toList());
        }
        return new Found(answer.totals(), answer.facets(), results, names);
    }

    /**
     * The rules of these programs (those published now), read once to judge any number of profiles against them —
     * the e-mail alerts' check of the day's changed programs against every saved set of answers.
     */
    public Judging judging(List<Long> ids) {
        return new Judging(sources.rules(ids));
    }

    /** Programs whose rules are read, judged per profile in memory. */
    public final class Judging {

        private final Map<Long, ProgramRules> programs = new java.util.LinkedHashMap<>();
        private FailingGroups failing;

        private Judging(List<ProgramRules> rules) {
            rules.forEach(r -> programs.put(r.id(), r));
        }

        /** The verdict for the profile, or null if the program is not published now. */
        public Verdict verdict(long id, Profile profile) {
            ProgramRules program = programs.get(id);
            return program == null ? null : checker.evaluate(program.groups(), profile).verdict();
        }

        /**
         * Whether a program is 該当 or 要確認 for the profile (as {@link #verdict} says; false if it is not published
         * now), for one profile after another: what a criterion fails is worked out once per value of the aspect it
         * tests ({@link FailingGroups}), not once per profile. Not for use by two threads at once. (A predicate of
         * {@code Long}: the ids are boxed already where they come from, a million subscriptions a day.)
         */
        public java.util.function.Predicate<Long> eligibleOrCheck(Profile profile) {
            if (failing == null) {
                failing = new FailingGroups(checker, List.copyOf(programs.values()));
            }
            return failing.open(profile);
        }

        /** A program's rules, dates and names as read (null if it is not published now). */
        public ProgramRules program(long id) {
            return programs.get(id);
        }

        /** The programs judged with reasons, as on the results page, in the order given. */
        public List<Result> results(Profile profile, List<Long> ids, Locale locale) {
            List<ProgramRules> chosen = ids.stream().map(programs::get).filter(java.util.Objects::nonNull).toList();
            return judge(profile, chosen, places.namesOf(placeCodes(chosen, profile)), locale);
        }
    }

    /** The places named in the programs' criteria and in the profile, for one look-up of their names. */
    private static Set<String> placeCodes(List<ProgramRules> programs, Profile profile) {
        Set<String> codes = new HashSet<>();
        programs.forEach(p -> p.groups().forEach(g -> g.criteria().forEach(c -> codes.addAll(c.areas()))));
        for (String code : new String[] {profile.hometown(), profile.residence(), profile.familyHome()}) {
            if (code != null && !Profile.ABROAD.equals(code)) {
                codes.add(code);
            }
        }
        return codes;
    }

    /** The programs judged with reasons, in the order given. */
    private List<Result> judge(Profile profile, List<ProgramRules> programs, Map<String, Localized> names, Locale locale) {
        List<Result> results = new ArrayList<>();
        for (ProgramRules program : programs) {
            Evaluation e = checker.evaluate(program.groups(), profile);
            List<Group> groups = e.groups().stream().map(g -> new Group(g.group().label(), g.verdict(),
                    g.criteria().stream().map(r -> reason(r, locale, names)).toList(),
                    validity(g, profile.date(), locale))).toList();
            String category = "en".equals(locale.getLanguage()) ? program.categoryNameEn() : program.categoryNameJa();
            results.add(new Result(program.id(), program.name(), category, e.verdict(), groups,
                    period(program, profile.date(), locale)));
        }
        return results;
    }

    private String validity(Evaluation.GroupResult g, LocalDate date, Locale locale) {
        Validity v = g.group().validity();
        if (v.isAlways()) {
            return null;
        }
        String range = text.validity(v, locale);
        return messages.getMessage(g.inForce() ? "eligibility.validity.inForce" : "eligibility.validity.notInForce",
                new Object[] {JapanTime.format(date, locale), range}, locale);
    }

    /** Whether the program takes applications on the 申込日, and which 受付期間 applies. */
    private String period(ProgramRules program, LocalDate date, Locale locale) {
        ScheduleView on = ScheduleView.of(program.lifecycle(), program.schedule(), date);
        String day = JapanTime.format(date, locale);
        return switch (on.acceptance()) {
            case UNKNOWN -> null;
            case ENDED -> messages.getMessage("eligibility.period.ended", new Object[] {day}, locale);
            case NOW -> window("eligibility.period.open", day, on.open(), locale);
            case SOON -> window("eligibility.period.next", day, on.next(), locale);
            case CLOSED -> messages.getMessage("eligibility.period.closed", new Object[] {day}, locale);
        };
    }

    private String window(String key, String day, Acceptance.Window w, Locale locale) {
        return messages.getMessage(key, new Object[] {day, JapanTime.format(w.start(), locale),
                JapanTime.format(w.end(), locale)}, locale);
    }

    Reason reason(Evaluation.CriterionResult r, Locale locale, Map<String, Localized> names) {
        Object[] args = new Object[r.reasonArgs().length];
        for (int i = 0; i < args.length; i++) {
            Object a = r.reasonArgs()[i];
            if (a instanceof String s && s.startsWith("eligibility.")) {
                args[i] = messages.getMessage(s, null, locale);
            } else if (a instanceof String code && names.containsKey(code)) {
                args[i] = names.get(code).name(locale);
            } else {
                args[i] = a;
            }
        }
        return new Reason(text.aspect(r.criterion(), locale), text.describe(r.criterion(), locale, names),
                messages.getMessage(r.reasonKey(), args, locale), r.outcome().name(), !r.criterion().isHard());
    }
}
