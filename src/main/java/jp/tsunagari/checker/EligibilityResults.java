package jp.tsunagari.checker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.EligibilityText;
import jp.tsunagari.eligibility.Evaluation;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Verdict;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.Localized;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Judges every published program for a profile and puts each result into plain words, criterion by criterion. */
@Service
public class EligibilityResults {

    private final SearchSources sources;
    private final EligibilityChecker checker;
    private final EligibilityText text;
    private final Places places;
    private final MessageSource messages;

    EligibilityResults(SearchSources sources, EligibilityChecker checker, EligibilityText text, Places places,
                       MessageSource messages) {
        this.sources = sources;
        this.checker = checker;
        this.text = text;
        this.places = places;
        this.messages = messages;
    }

    /** One criterion in words: 「年齢: 25歳以下 — 26歳のため対象外」. */
    public record Reason(String aspect, String condition, String reason, String outcome, boolean soft) {
    }

    public record Group(String label, Verdict verdict, List<Reason> reasons) {
    }

    public record Result(long id, String name, String categoryName, Verdict verdict, List<Group> groups) {
    }

    public List<Result> judge(Profile profile, Locale locale) {
        List<ProgramRules> programs = sources.rules();
        Set<String> codes = new HashSet<>();
        programs.forEach(p -> p.groups().forEach(g -> g.criteria().forEach(c -> codes.addAll(c.areas()))));
        for (String code : new String[] {profile.hometown(), profile.residence(), profile.familyHome()}) {
            if (code != null && !Profile.ABROAD.equals(code)) {
                codes.add(code);
            }
        }
        Map<String, Localized> names = places.namesOf(codes);
        List<Result> results = new ArrayList<>();
        for (ProgramRules program : programs) {
            Evaluation e = checker.evaluate(program.groups(), profile);
            List<Group> groups = e.groups().stream().map(g -> new Group(g.group().label(), g.verdict(),
                    g.criteria().stream().map(r -> reason(r, locale, names)).toList())).toList();
            String category = "en".equals(locale.getLanguage()) ? program.categoryNameEn() : program.categoryNameJa();
            results.add(new Result(program.id(), program.name(), category, e.verdict(), groups));
        }
        return results;
    }

    /** Results of one verdict, in source order. */
    public static List<Result> with(Collection<Result> results, Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).toList();
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
