package jp.tsunagari.catalogue.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.eligibility.SchoolRules;
import jp.tsunagari.eligibility.TargetGroup;
import jp.tsunagari.eligibility.Validity;
import jp.tsunagari.place.Prefecture;

/** Translates between a {@link Program}'s parts and {@link ProgramContent} values, in both directions. */
public final class ProgramContentMapping {

    private ProgramContentMapping() {
    }

    /** The content of a program whose parts are loaded (see ProgramPageLoader / ProgramEditor). */
    public static ProgramContent of(Program p) {
        return new ProgramContent(p.name(), p.nameKana(), p.nameEn(), p.category().code(),
                p.organizerPrefecture() == null ? null : p.organizerPrefecture().code(),
                p.organizerMunicipality() == null ? null : p.organizerMunicipality().lgCode(),
                p.start() == null ? null : p.start().getYear(), p.start() == null ? null : p.start().getMonthValue(),
                p.event() == null ? null : p.event().getYear(), p.event() == null ? null : p.event().getMonthValue(),
                p.channel(), p.lifecycle(), p.summary(), p.benefit(), p.officialUrl(), p.eligibilityText(),
                p.examplesHeading(), p.sourceDocument() == null ? null : p.sourceDocument().id(), p.sourceSection(),
                p.sourceOrder(),
                p.sections().stream().map(s -> new ProgramContent.Section(s.heading(), s.items().stream()
                        .map(i -> new ProgramContent.Item(i.level(), i.kind(), i.text())).toList())).toList(),
                p.metrics().stream().map(m -> new ProgramContent.Metric(m.labelJa(), m.labelEn(), m.value(), m.unitJa(),
                        m.asOf())).toList(),
                p.examples().stream().map(e -> new ProgramContent.Example(e.name(), e.description(),
                        e.prefecture().code())).toList(),
                p.dataNotes().stream().map(n -> new ProgramContent.Note(n.noteJa(), n.noteEn())).toList(),
                p.targetGroups().stream().map(g -> new ProgramContent.Group(g.label(),
                        g.criteria().stream().map(ProgramContentMapping::rule).toList(), g.validity().from(),
                        g.validity().to())).toList(), p.application(), p.schedule());
    }

    private static ProgramContent.Rule rule(Criterion c) {
        return new ProgramContent.Rule(c.type(), c.strength(), c.subject(), c.sourceText(), c.minAge(), c.maxAge(),
                c.areas(), c.areaLabel(), c.outside(), c.domesticOnly(), c.schools().format(), c.applicants(),
                c.minGroupSize(), c.youngMaxAge(), c.youngShareNum(), c.youngShareDen(), c.audienceHint(), c.note());
    }

    static List<ProgramSection> sections(ProgramContent c) {
        List<ProgramSection> sections = new ArrayList<>();
        for (int i = 0; i < c.sections().size(); i++) {
            ProgramContent.Section s = c.sections().get(i);
            List<SectionItem> items = new ArrayList<>();
            for (int j = 0; j < s.items().size(); j++) {
                ProgramContent.Item item = s.items().get(j);
                items.add(new SectionItem(j + 1, item.level(), item.kind(), item.text()));
            }
            sections.add(new ProgramSection(i + 1, s.heading(), items));
        }
        return sections;
    }

    static List<ReachMetric> metrics(Program program, ProgramContent c) {
        List<ReachMetric> metrics = new ArrayList<>();
        for (int i = 0; i < c.metrics().size(); i++) {
            metrics.add(new ReachMetric(program, i + 1, c.metrics().get(i)));
        }
        return metrics;
    }

    static List<ExampleGroup> examples(Program program, ProgramContent c, Map<String, Prefecture> prefectures) {
        List<ExampleGroup> examples = new ArrayList<>();
        for (int i = 0; i < c.examples().size(); i++) {
            ProgramContent.Example e = c.examples().get(i);
            examples.add(new ExampleGroup(program, i + 1, e.name(), e.description(), prefectures.get(e.prefectureCode())));
        }
        return examples;
    }

    static List<DataNote> notes(ProgramContent c) {
        return c.dataNotes().stream().map(n -> new DataNote(n.ja(), n.en())).toList();
    }

    public static List<TargetGroup> groups(ProgramContent c) {
        List<TargetGroup> groups = new ArrayList<>();
        for (int i = 0; i < c.targetGroups().size(); i++) {
            ProgramContent.Group g = c.targetGroups().get(i);
            groups.add(new TargetGroup(i + 1, g.label(), g.criteria().stream().map(ProgramContentMapping::criterion).toList(),
                    new Validity(g.validFrom(), g.validTo())));
        }
        return groups;
    }

    private static Criterion criterion(ProgramContent.Rule r) {
        return Criterion.of(r.type(), r.strength(), r.subject(), r.sourceText())
                .withAges(r.minAge(), r.maxAge())
                .withAreas(r.areas(), r.areaLabel(), r.outside(), r.domesticOnly())
                .withSchools(SchoolRules.parse(r.schools()))
                .withApplicants(r.applicants())
                .withGroup(r.minGroupSize(), r.youngMaxAge(), r.youngShareNum(), r.youngShareDen())
                .withAudienceHint(r.audienceHint())
                .withNote(r.note());
    }
}
