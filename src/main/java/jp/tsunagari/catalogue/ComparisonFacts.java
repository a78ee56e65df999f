package jp.tsunagari.catalogue;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.tsunagari.catalogue.internal.ExampleGroup;
import jp.tsunagari.catalogue.internal.Program;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.catalogue.internal.ProgramSection;
import jp.tsunagari.catalogue.internal.ReachMetric;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.eligibility.EligibilityText;
import jp.tsunagari.eligibility.TargetGroup;
import jp.tsunagari.system.JapanTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The facts of one program as the compare page shows them: each {@link ComparedFact} as lines of text, in the words of
 * the program page (the same messages), so that two programs with the same fact get the same lines.
 */
@Component
class ComparisonFacts {

    private final MessageSource messages;
    private final EligibilityText eligibility;

    ComparisonFacts(MessageSource messages, EligibilityText eligibility) {
        this.messages = messages;
        this.eligibility = eligibility;
    }

    Map<ComparedFact, List<String>> of(ProgramPageLoader.Details d, LocalDate today, Locale locale) {
        Program p = d.program();
        Map<ComparedFact, List<String>> facts = new EnumMap<>(ComparedFact.class);
        facts.put(ComparedFact.CATEGORY, List.of(p.category().name(locale)));
        facts.put(ComparedFact.ORGANIZER, List.of(organizer(p, locale)));
        facts.put(ComparedFact.CONTENT, orNone(content(p, locale), locale));
        facts.put(ComparedFact.ELIGIBILITY_SOURCE, orNone(p.eligibilityLines(), locale));
        facts.put(ComparedFact.ELIGIBILITY_RULES, orNone(rules(d, today, locale), locale));
        facts.put(ComparedFact.BENEFIT, List.of(p.benefit() != null ? p.benefit() : msg("program.unregistered", locale)));
        facts.put(ComparedFact.CHANNEL, List.of(msg("channel." + p.channel(), locale)));
        facts.put(ComparedFact.METRICS, orNone(metrics(p, locale), locale));
        ScheduleView s = ScheduleView.of(p.lifecycle(), p.schedule(), today);
        facts.put(ComparedFact.PERIODS, periods(s, locale));
        facts.put(ComparedFact.ACCEPTANCE, List.of(acceptance(s, locale)));
        facts.put(ComparedFact.APPLICATION, application(p.application(), locale));
        facts.put(ComparedFact.CONFIRMED_ON, List.of(p.confirmedOn() != null ? JapanTime.format(p.confirmedOn(), locale)
                : msg("program.unregistered", locale)));
        return facts;
    }

    private String organizer(Program p, Locale locale) {
        if (!p.hasOrganizer()) {
            return msg("card.organizer.none", locale);
        }
        String prefecture = p.organizerPrefecture().name(locale);
        return p.organizerMunicipality() == null ? prefecture
                : msg("compare.organizer.municipality", locale, prefecture, p.organizerMunicipality().name(locale),
                p.organizerMunicipality().lgCode());
    }

    private List<String> content(Program p, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (ProgramSection section : p.sections()) {
            if (section.heading() != null) {
                lines.add(section.heading());
            }
            for (ProgramSection.ItemNode node : section.tree()) {
                lines.add(node.item().text());
                node.children().forEach(child -> lines.add(msg("compare.nested", locale, child.text())));
            }
        }
        if (!p.examples().isEmpty()) {
            lines.add(p.examplesHeading() != null ? p.examplesHeading() : msg("program.examples.heading", locale));
            for (ExampleGroup e : p.examples()) {
                lines.add(msg("compare.example", locale, e.name(), e.description(), e.prefecture().name(locale)));
            }
        }
        return lines;
    }

    private List<String> rules(ProgramPageLoader.Details d, LocalDate today, Locale locale) {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (TargetGroup g : d.program().targetGroups()) {
            lines.add(msg("program.eligibility.group", locale, ++n, g.label()));
            String validity = eligibility.validityOn(g.validity(), today, locale);
            if (validity != null) {
                lines.add(validity);
            }
            for (Criterion c : g.criteria()) {
                String strength = msg(c.isHard() ? "program.eligibility.hard" : "program.eligibility.soft", locale);
                lines.add(msg("compare.criterion", locale, eligibility.aspect(c, locale),
                        eligibility.describe(c, locale, d.areaNames()), strength));
            }
        }
        return lines;
    }

    private List<String> metrics(Program p, Locale locale) {
        NumberFormat number = NumberFormat.getIntegerInstance("en".equals(locale.getLanguage()) ? Locale.ENGLISH
                : Locale.JAPANESE);
        List<String> lines = new ArrayList<>();
        for (ReachMetric m : p.metrics()) {
            lines.add(msg("card.metric.value", locale, m.label(locale), number.format(m.value()), m.unitJa(),
                    JapanTime.format(m.asOf(), locale)));
        }
        return lines;
    }

    private List<String> periods(ScheduleView s, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (ProgramContent.Period p : s.periods()) {
            lines.add(p.yearly()
                    ? msg("program.periods.yearly", locale, JapanTime.monthDay(p.start(), locale),
                    JapanTime.monthDay(p.end(), locale), p.start().getYear())
                    : msg("program.periods.once", locale, JapanTime.format(p.start(), locale),
                    JapanTime.format(p.end(), locale)));
        }
        if (lines.isEmpty()) {
            lines.add(msg("program.periods.none", locale));
        }
        if (s.endYear() != null) {
            lines.add(s.endMonth() != null ? msg("program.periods.endMonth", locale, s.endYear(), s.endMonth())
                    : msg("program.periods.endYear", locale, s.endYear()));
        }
        return lines;
    }

    private String acceptance(ScheduleView s, Locale locale) {
        String status = msg("acceptance." + s.acceptance().code(), locale);
        if (s.open() != null) {
            return msg("compare.acceptance.detail", locale, status,
                    msg("program.periods.open", locale, JapanTime.format(s.open().end(), locale)));
        }
        if (s.next() != null) {
            return msg("compare.acceptance.detail", locale, status, msg("program.periods.next", locale,
                    JapanTime.format(s.next().start(), locale), JapanTime.format(s.next().end(), locale)));
        }
        return status;
    }

    private List<String> application(ProgramContent.Application a, Locale locale) {
        if (a.isEmpty()) {
            return List.of(msg("program.unregistered", locale));
        }
        List<String> lines = new ArrayList<>();
        labelled(lines, "program.apply.method", a.method(), locale);
        labelled(lines, "program.apply.url", a.applyUrl(), locale);
        List<String> contact = new ArrayList<>();
        for (String part : new String[] {a.contactDepartment(), a.contactPhone(), a.contactEmail(), a.contactUrl()}) {
            if (part != null) {
                contact.add(part);
            }
        }
        labelled(lines, "program.apply.contact", contact.isEmpty() ? null : String.join(" ", contact), locale);
        labelled(lines, "program.apply.documents", a.documents().isEmpty() ? null
                : String.join(msg("eligibility.listSeparator", locale), a.documents()), locale);
        labelled(lines, "program.apply.cost", cost(a, locale), locale);
        return lines;
    }

    private String cost(ProgramContent.Application a, Locale locale) {
        if (a.cost() == null) {
            return null;
        }
        return switch (a.cost()) {
            case FREE -> msg("program.apply.cost.free", locale);
            case AMOUNT -> msg("program.apply.cost.amount", locale, a.costAmount());
            case TEXT -> a.costText();
        };
    }

    private void labelled(List<String> lines, String labelKey, String value, Locale locale) {
        lines.add(msg("compare.labelled", locale, msg(labelKey, locale),
                value != null ? value : msg("program.unregistered", locale)));
    }

    private List<String> orNone(List<String> lines, Locale locale) {
        return lines.isEmpty() ? List.of(msg("program.unregistered", locale)) : lines;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
