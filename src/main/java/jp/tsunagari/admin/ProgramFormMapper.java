package jp.tsunagari.admin;

import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.admin.ProgramForm.GroupForm;
import jp.tsunagari.admin.ProgramForm.RuleForm;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.FormErrors;
import org.springframework.stereotype.Component;

/**
 * Converts between the program form (text as typed) and {@link ProgramContent}, applying every rule on the way in:
 * required fields, lengths, dates, numbers, URLs, places and the criteria's own rules. Field ids in the errors match
 * the ids in the template, so the error summary links to the field.
 */
@Component
class ProgramFormMapper {

    private final Places places;
    private final CategoryEditor categories;
    private final ItemLines lines = new ItemLines();

    ProgramFormMapper(Places places, CategoryEditor categories) {
        this.places = places;
        this.categories = categories;
    }

    record Result(ProgramContent content, FormErrors errors) {
    }

    ProgramForm toForm(ProgramContent c, long version) {
        ProgramForm f = new ProgramForm();
        f.version = Long.toString(version);
        f.name = c.name();
        f.nameKana = c.nameKana();
        f.nameEn = text(c.nameEn());
        f.category = c.categoryCode();
        f.prefecture = text(c.organizerPrefectureCode());
        f.municipality = text(c.organizerMunicipalityCode());
        f.startYear = text(c.startYear());
        f.startMonth = text(c.startMonth());
        f.eventYear = text(c.eventYear());
        f.eventMonth = text(c.eventMonth());
        f.channel = c.channel() == null ? "" : c.channel().name();
        f.lifecycle = c.lifecycle() == null ? "" : c.lifecycle().name();
        f.summary = text(c.summary());
        f.benefit = text(c.benefit());
        f.officialUrl = text(c.officialUrl());
        f.eligibilityText = text(c.eligibilityText());
        f.examplesHeading = text(c.examplesHeading());
        f.sourceDocument = text(c.sourceDocumentId());
        f.sourceSection = text(c.sourceSection());
        f.sourceOrder = text(c.sourceOrder());
        for (ProgramContent.Section s : c.sections()) {
            ProgramForm.SectionForm sf = new ProgramForm.SectionForm();
            sf.heading = text(s.heading());
            sf.items = lines.format(s.items());
            f.sections.add(sf);
        }
        for (ProgramContent.Metric m : c.metrics()) {
            ProgramForm.MetricForm mf = new ProgramForm.MetricForm();
            mf.labelJa = m.labelJa();
            mf.labelEn = m.labelEn();
            mf.value = Long.toString(m.value());
            mf.unit = m.unitJa();
            mf.asOf = m.asOf().toString();
            f.metrics.add(mf);
        }
        for (ProgramContent.Example e : c.examples()) {
            ProgramForm.ExampleForm ef = new ProgramForm.ExampleForm();
            ef.name = e.name();
            ef.description = e.description();
            ef.prefecture = e.prefectureCode();
            f.examples.add(ef);
        }
        for (ProgramContent.Note n : c.dataNotes()) {
            ProgramForm.NoteForm nf = new ProgramForm.NoteForm();
            nf.ja = n.ja();
            nf.en = text(n.en());
            f.notes.add(nf);
        }
        for (ProgramContent.Group g : c.targetGroups()) {
            GroupForm gf = new GroupForm();
            gf.label = g.label();
            g.criteria().forEach(r -> gf.criteria.add(rule(r)));
            f.groups.add(gf);
        }
        return f;
    }

    private static RuleForm rule(ProgramContent.Rule r) {
        RuleForm rf = new RuleForm();
        rf.type = r.type().name();
        rf.strength = r.strength().name();
        rf.subject = r.subject().name();
        rf.sourceText = r.sourceText();
        rf.minAge = text(r.minAge());
        rf.maxAge = text(r.maxAge());
        rf.areas = String.join(", ", r.areas());
        rf.areaLabel = text(r.areaLabel());
        rf.outside = r.outside();
        rf.domesticOnly = r.domesticOnly();
        rf.schools = text(r.schools());
        rf.applicants = r.applicants().stream().map(Applicant::code).toList();
        rf.minGroupSize = text(r.minGroupSize());
        rf.youngMaxAge = text(r.youngMaxAge());
        rf.youngShareNum = text(r.youngShareNum());
        rf.youngShareDen = text(r.youngShareDen());
        rf.audienceHint = r.audienceHint() == null ? "" : r.audienceHint().name();
        rf.note = text(r.note());
        return rf;
    }

    Result toContent(ProgramForm f) {
        FormReader in = new FormReader(new FormErrors());
        String name = in.required("name", f.name, 200);
        String kana = in.required("nameKana", f.nameKana, 200);
        if (!kana.isEmpty() && !kana.matches("[\\u3041-\\u309F\\u30FC・ 　]+")) {
            in.errors().add("nameKana", "admin.error.kana");
        }
        String category = in.required("category", f.category, 30);
        if (!category.isEmpty() && categories.find(category).isEmpty()) {
            in.errors().add("category", "admin.error.choose");
        }
        String[] organizer = organizer(f, in);
        Integer[] start = in.yearMonth("startYear", f.startYear, "startMonth", f.startMonth);
        Integer[] event = in.yearMonth("eventYear", f.eventYear, "eventMonth", f.eventMonth);
        Channel channel = in.choice("channel", f.channel, Channel.class, true);
        Lifecycle lifecycle = in.choice("lifecycle", f.lifecycle, Lifecycle.class, true);
        Integer sourceOrder = in.integer("sourceOrder", f.sourceOrder, 1, 100_000);
        Integer sourceDocument = in.integer("sourceDocument", f.sourceDocument, 1, 1_000_000);
        ProgramContent content = new ProgramContent(name, kana, in.optional("nameEn", f.nameEn, 200), category,
                organizer[0], organizer[1], start[0], start[1], event[0], event[1], channel, lifecycle,
                in.optional("summary", f.summary, 1000), in.optional("benefit", f.benefit, 1000),
                in.url("officialUrl", f.officialUrl), in.optional("eligibilityText", f.eligibilityText, 4000),
                in.optional("examplesHeading", f.examplesHeading, 100), sourceDocument,
                in.optional("sourceSection", f.sourceSection, 100), sourceOrder,
                sections(f, in), metrics(f, in), examples(f, in), notes(f, in), groups(f, in));
        return new Result(in.errors().isEmpty() ? content : null, in.errors());
    }

    private String[] organizer(ProgramForm f, FormReader in) {
        String pref = in.optional("prefecture", f.prefecture, 2);
        String muni = null;
        String typed = f.municipality == null ? "" : f.municipality.strip();
        if (!typed.isEmpty()) {
            muni = places.resolveArea(typed).filter(code -> code.length() == 6).orElse(null);
            if (muni == null) {
                in.errors().add("municipality", "admin.error.municipality", typed);
            } else {
                String muniPref = places.municipality(muni).map(Municipality::prefectureCode).orElse(null);
                if (pref == null) {
                    pref = muniPref;
                } else if (!pref.equals(muniPref)) {
                    in.errors().add("municipality", "admin.error.municipality.prefecture");
                }
            }
        }
        if (pref != null && places.prefecture(pref).isEmpty()) {
            in.errors().add("prefecture", "admin.error.choose");
        }
        return new String[] {pref, muni};
    }

    private List<ProgramContent.Section> sections(ProgramForm f, FormReader in) {
        List<ProgramContent.Section> out = new ArrayList<>();
        for (int i = 0; i < f.sections.size(); i++) {
            ProgramForm.SectionForm s = f.sections.get(i);
            String id = "sections-" + i;
            String heading = in.optional(id + "-heading", s.heading, 200);
            List<ProgramContent.Item> items = lines.parse(s.items == null ? "" : s.items);
            if (items.stream().anyMatch(item -> item.text().length() > 2000)) {
                in.errors().add(id + "-items", "admin.error.tooLong", 2000);
            }
            if (heading == null && items.isEmpty()) {
                in.errors().add(id + "-items", "admin.error.section.empty");
            }
            out.add(new ProgramContent.Section(heading, items));
        }
        return out;
    }

    private List<ProgramContent.Metric> metrics(ProgramForm f, FormReader in) {
        List<ProgramContent.Metric> out = new ArrayList<>();
        for (int i = 0; i < f.metrics.size(); i++) {
            ProgramForm.MetricForm m = f.metrics.get(i);
            String id = "metrics-" + i;
            String label = in.required(id + "-labelJa", m.labelJa, 100);
            String labelEn = in.optional(id + "-labelEn", m.labelEn, 100);
            Long value = in.count(id + "-value", m.value);
            String unit = in.required(id + "-unit", m.unit, 20);
            var asOf = in.date(id + "-asOf", m.asOf, true);
            if (value != null && asOf != null) {
                out.add(new ProgramContent.Metric(label, labelEn == null ? label : labelEn, value, unit, asOf));
            }
        }
        return out;
    }

    private List<ProgramContent.Example> examples(ProgramForm f, FormReader in) {
        List<ProgramContent.Example> out = new ArrayList<>();
        for (int i = 0; i < f.examples.size(); i++) {
            ProgramForm.ExampleForm e = f.examples.get(i);
            String id = "examples-" + i;
            String name = in.required(id + "-name", e.name, 200);
            String description = in.required(id + "-description", e.description, 2000);
            String pref = in.required(id + "-prefecture", e.prefecture, 2);
            if (!pref.isEmpty() && places.prefecture(pref).isEmpty()) {
                in.errors().add(id + "-prefecture", "admin.error.choose");
            }
            out.add(new ProgramContent.Example(name, description, pref));
        }
        return out;
    }

    private List<ProgramContent.Note> notes(ProgramForm f, FormReader in) {
        List<ProgramContent.Note> out = new ArrayList<>();
        for (int i = 0; i < f.notes.size(); i++) {
            ProgramForm.NoteForm n = f.notes.get(i);
            String ja = in.required("notes-" + i + "-ja", n.ja, 1000);
            String en = in.optional("notes-" + i + "-en", n.en, 1000);
            out.add(new ProgramContent.Note(ja, en == null ? ja : en));
        }
        return out;
    }

    private List<ProgramContent.Group> groups(ProgramForm f, FormReader in) {
        List<ProgramContent.Group> out = new ArrayList<>();
        for (int i = 0; i < f.groups.size(); i++) {
            GroupForm g = f.groups.get(i);
            String id = "groups-" + i;
            String label = in.required(id + "-label", g.label, 300);
            List<ProgramContent.Rule> rules = new ArrayList<>();
            for (int j = 0; j < g.criteria.size(); j++) {
                rules.add(new CriterionReader(in, places, id + "-criteria-" + j).read(g.criteria.get(j)));
            }
            if (rules.isEmpty()) {
                in.errors().add(id + "-label", "admin.error.group.empty");
            }
            out.add(new ProgramContent.Group(label, rules));
        }
        return out;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
