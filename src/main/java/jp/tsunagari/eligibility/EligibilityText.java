package jp.tsunagari.eligibility;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jp.tsunagari.system.JapanTime;
import jp.tsunagari.system.Localized;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Puts a criterion into plain words (Japanese or English) from the messages, e.g. 「15歳以上25歳以下」. */
@Component
public class EligibilityText {

    private final MessageSource messages;

    EligibilityText(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * When a group's rules apply, in words: 「2026年4月1日～2027年3月31日」, 「2027年4月1日から」, 「2026年3月31日まで」
     * ("1 April 2026 to 31 March 2027", "from 1 April 2027", "until 31 March 2026"); null when they always apply.
     */
    public String validity(Validity v, Locale locale) {
        if (v.isAlways()) {
            return null;
        }
        String from = JapanTime.format(v.from(), locale);
        String to = JapanTime.format(v.to(), locale);
        if (v.from() == null) {
            return msg("eligibility.validity.range.to", locale, to);
        }
        return v.to() == null ? msg("eligibility.validity.range.from", locale, from)
                : msg("eligibility.validity.range.both", locale, from, to);
    }

    /**
     * A group's 適用期間 and whether its rules are in force on {@code day} (the program page says it beside the
     * group, so a rule that starts next April is never read as today's); null when they always apply.
     */
    public String validityOn(Validity v, LocalDate day, Locale locale) {
        if (v.isAlways()) {
            return null;
        }
        String key = v.covers(day) ? "inForce" : v.from() != null && day.isBefore(v.from()) ? "notYet" : "ended";
        return msg("program.eligibility.validity." + key, locale, validity(v, locale), JapanTime.format(day, locale));
    }

    /** The aspect a criterion tests, e.g. 年齢, 居住地 (保護者・実家). */
    public String aspect(Criterion c, Locale locale) {
        String key = c.type() == CriterionType.RESIDENCE
                ? "eligibility.aspect.RESIDENCE." + c.subject().name()
                : "eligibility.aspect." + c.type().name();
        return msg(key, locale);
    }

    /** The condition itself, with area codes resolved through {@code areaNames}. */
    public String describe(Criterion c, Locale locale, Map<String, ? extends Localized> areaNames) {
        return switch (c.type()) {
            case AGE -> age(c, locale);
            case ORIGIN -> msg("eligibility.origin", locale, areas(c, locale, areaNames));
            case RESIDENCE -> residence(c, locale, areaNames);
            case STUDENT -> schools(c.schools(), locale);
            case LIVING_AWAY -> msg("eligibility.livingAway", locale);
            case APPLICANT -> c.applicants().stream().map(a -> msg("eligibility.applicant." + a.code(), locale))
                    .collect(Collectors.joining(msg("eligibility.or", locale)));
            case GROUP_SIZE -> msg("eligibility.groupSize", locale, c.minGroupSize());
            case GROUP_YOUNG_SHARE -> msg("eligibility.groupYoungShare", locale,
                    c.youngShareNum(), c.youngShareDen(), c.youngMaxAge());
            case FREE_TEXT -> c.sourceText();
        };
    }

    private String age(Criterion c, Locale locale) {
        if (c.minAge() != null && c.maxAge() != null) {
            return msg("eligibility.age.range", locale, c.minAge(), c.maxAge());
        }
        return c.maxAge() != null ? msg("eligibility.age.max", locale, c.maxAge())
                : msg("eligibility.age.min", locale, c.minAge());
    }

    private String residence(Criterion c, Locale locale, Map<String, ? extends Localized> areaNames) {
        String key = "eligibility.residence." + c.subject().name() + (c.outside() ? ".outside" : ".inside");
        String text = msg(key, locale, areas(c, locale, areaNames));
        return c.domesticOnly() ? text + msg("eligibility.residence.domesticOnly", locale) : text;
    }

    private String schools(SchoolRules rules, Locale locale) {
        if (rules.anySchool()) {
            return msg("eligibility.school.any", locale);
        }
        List<String> names = new ArrayList<>();
        for (SchoolRules.Rule rule : rules.rules()) {
            String name = msg("eligibility.school." + rule.type().code(), locale);
            names.add(rule.limitsGrades()
                    ? msg("eligibility.school.grades", locale, name, rule.minGrade(), rule.maxGrade()) : name);
        }
        String list = String.join(msg("eligibility.listSeparator", locale), names);
        return rules.openEnded() ? msg("eligibility.school.openEnded", locale, list) : list;
    }

    private String areas(Criterion c, Locale locale, Map<String, ? extends Localized> areaNames) {
        String names = c.areas().stream()
                .map(code -> areaNames.containsKey(code) ? areaNames.get(code).name(locale) : code)
                .collect(Collectors.joining(msg("eligibility.listSeparator", locale)));
        return c.areaLabel() == null ? names : msg("eligibility.areaLabel", locale, c.areaLabel(), names);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
