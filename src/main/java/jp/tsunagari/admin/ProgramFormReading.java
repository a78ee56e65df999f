package jp.tsunagari.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import jp.tsunagari.admin.ProgramForm.GroupForm;
import jp.tsunagari.admin.ProgramForm.MetricForm;
import jp.tsunagari.admin.ProgramForm.RuleForm;
import jp.tsunagari.catalogue.ApplicationCost;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.Typed;
import org.springframework.stereotype.Component;

/**
 * Reads a program form that has passed validation into {@link ProgramContent}: text without the white space
 * around it (empty optional text as null), numbers, dates and choices, place names as codes. No rule is checked
 * here: {@link ProgramForm}'s constraints did that.
 */
@Component
class ProgramFormReading {

    private final Places places;
    private final ItemLines lines = new ItemLines();

    ProgramFormReading(Places places) {
        this.places = places;
    }

    ProgramContent read(ProgramForm f) {
        String municipality = municipality(f.municipality);
        String prefecture = optional(f.prefecture);
        if (prefecture == null && municipality != null) {
            prefecture = places.municipality(municipality).map(Municipality::prefectureCode).orElse(null);
        }
        return new ProgramContent(Typed.clean(f.name), Typed.clean(f.nameKana), optional(f.nameEn),
                Typed.clean(f.category), prefecture, municipality, year(f.startYear), month(f.startMonth),
                year(f.eventYear), month(f.eventMonth), Typed.choice(f.channel, Channel.class),
                Typed.choice(f.lifecycle, Lifecycle.class), optional(f.summary), optional(f.benefit),
                optional(f.officialUrl), optional(f.eligibilityText), optional(f.examplesHeading),
                Typed.wholeNumber(f.sourceDocument, 1, 1_000_000), optional(f.sourceSection),
                Typed.wholeNumber(f.sourceOrder, 1, 100_000),
                f.sections.stream().map(s -> new ProgramContent.Section(optional(s.heading),
                        lines.parse(s.items == null ? "" : s.items))).toList(),
                f.metrics.stream().map(ProgramFormReading::metric).toList(),
                f.examples.stream().map(e -> new ProgramContent.Example(Typed.clean(e.name), Typed.clean(e.description),
                        Typed.clean(e.prefecture))).toList(),
                f.notes.stream().map(n -> new ProgramContent.Note(Typed.clean(n.ja), orElse(n.en, n.ja))).toList(),
                f.groups.stream().map(this::group).toList(), application(f.application), schedule(f));
    }

    private String municipality(String typed) {
        String t = Typed.clean(typed);
        return t.isEmpty() ? null : places.resolveArea(t).filter(code -> code.length() == 6).orElse(null);
    }

    private static ProgramContent.Metric metric(MetricForm m) {
        return new ProgramContent.Metric(Typed.clean(m.labelJa), orElse(m.labelEn, m.labelJa),
                Long.parseLong(ValueRules.countDigits(m.value)), Typed.clean(m.unit), Typed.date(m.asOf));
    }

    private ProgramContent.Group group(GroupForm g) {
        return new ProgramContent.Group(Typed.clean(g.label), g.criteria.stream().map(this::rule).toList(),
                Typed.date(g.validFrom), Typed.date(g.validTo));
    }

    private ProgramContent.Rule rule(RuleForm r) {
        Set<Applicant> applicants = EnumSet.noneOf(Applicant.class);
        for (String code : r.applicants == null ? List.<String>of() : r.applicants) {
            Applicant.fromCode(code).ifPresent(applicants::add);
        }
        List<String> areas = ValueRules.areaTokens(r.areas).stream()
                .map(token -> places.resolveArea(token).orElseThrow()).toList();
        return new ProgramContent.Rule(Typed.choice(r.type, CriterionType.class),
                Typed.choice(r.strength, Strength.class), Typed.choice(r.subject, Subject.class),
                Typed.clean(r.sourceText), age(r.minAge), age(r.maxAge), areas, optional(r.areaLabel), r.outside,
                r.domesticOnly, optional(r.schools), applicants, Typed.wholeNumber(r.minGroupSize, 1, 10_000),
                age(r.youngMaxAge), Typed.wholeNumber(r.youngShareNum, 1, 100),
                Typed.wholeNumber(r.youngShareDen, 1, 100), Typed.choice(r.audienceHint, Audience.class),
                optional(r.note));
    }

    private static Integer year(String text) {
        return Typed.wholeNumber(text, RowRules.MIN_YEAR, RowRules.MAX_YEAR);
    }

    private static Integer month(String text) {
        return Typed.wholeNumber(text, 1, 12);
    }

    private static Integer age(String text) {
        return Typed.wholeNumber(text, 0, RowRules.MAX_AGE);
    }

    private ProgramContent.Application application(ProgramForm.ApplicationForm a) {
        String cost = optional(a.cost);
        ApplicationCost kind = cost == null ? null : Typed.choice(cost, ApplicationCost.class);
        return new ProgramContent.Application(optional(a.method), optional(a.applyUrl), optional(a.contactDepartment),
                optional(a.contactPhone), optional(a.contactEmail), optional(a.contactUrl),
                Typed.clean(a.documents).lines().map(String::strip).filter(l -> !l.isEmpty()).toList(), kind,
                kind == ApplicationCost.AMOUNT ? Typed.wholeNumber(a.costAmount, 0, 10_000_000) : null,
                kind == ApplicationCost.TEXT ? optional(a.costText) : null);
    }

    private static ProgramContent.Schedule schedule(ProgramForm f) {
        return new ProgramContent.Schedule(year(f.endYear), month(f.endMonth), f.periods.stream()
                .map(p -> new ProgramContent.Period(Typed.date(p.start), Typed.date(p.end), p.yearly)).toList());
    }

    private static String optional(String text) {
        String t = Typed.clean(text);
        return t.isEmpty() ? null : t;
    }

    private static String orElse(String text, String fallback) {
        String t = optional(text);
        return t == null ? Typed.clean(fallback) : t;
    }
}
