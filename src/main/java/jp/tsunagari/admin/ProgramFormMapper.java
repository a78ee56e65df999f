package jp.tsunagari.admin;

import java.util.List;
import jp.tsunagari.admin.ProgramForm.ExampleForm;
import jp.tsunagari.admin.ProgramForm.GroupForm;
import jp.tsunagari.admin.ProgramForm.MetricForm;
import jp.tsunagari.admin.ProgramForm.NoteForm;
import jp.tsunagari.admin.ProgramForm.RuleForm;
import jp.tsunagari.admin.ProgramForm.SectionForm;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.eligibility.Applicant;
import org.springframework.stereotype.Component;

/**
 * Converts between {@link ProgramContent} and the program form (text as typed). The way in,
 * {@link ProgramFormReading}, expects a form that passed validation: the rules are the form's constraints.
 */
@Component
class ProgramFormMapper {

    private final ItemLines lines = new ItemLines();
    private final ProgramFormReading reading;

    ProgramFormMapper(ProgramFormReading reading) {
        this.reading = reading;
    }

    /** The content of a form that has passed validation. */
    ProgramContent toContent(ProgramForm form) {
        return reading.read(form);
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
        f.endYear = text(c.schedule().endYear());
        f.endMonth = text(c.schedule().endMonth());
        c.schedule().periods().forEach(p -> f.periods.add(period(p)));
        f.eventYear = text(c.eventYear());
        f.eventMonth = text(c.eventMonth());
        f.channel = c.channel() == null ? "" : c.channel().name();
        f.lifecycle = c.lifecycle() == null ? "" : c.lifecycle().name();
        f.summary = text(c.summary());
        f.benefit = text(c.benefit());
        f.officialUrl = text(c.officialUrl());
        f.application = application(c.application());
        f.eligibilityText = text(c.eligibilityText());
        f.examplesHeading = text(c.examplesHeading());
        f.sourceDocument = text(c.sourceDocumentId());
        f.sourceSection = text(c.sourceSection());
        f.sourceOrder = text(c.sourceOrder());
        c.sections().forEach(s -> f.sections.add(section(s)));
        c.metrics().forEach(m -> f.metrics.add(metric(m)));
        c.examples().forEach(e -> f.examples.add(example(e)));
        c.dataNotes().forEach(n -> f.notes.add(note(n)));
        c.targetGroups().forEach(g -> f.groups.add(group(g)));
        return f;
    }

    private SectionForm section(ProgramContent.Section s) {
        SectionForm sf = new SectionForm();
        sf.heading = text(s.heading());
        sf.items = lines.format(s.items());
        return sf;
    }

    /** A metric as typed; the CSV import fills the first one from its four 指標 columns. */
    static MetricForm metric(ProgramContent.Metric m) {
        MetricForm mf = new MetricForm();
        mf.labelJa = text(m.labelJa());
        mf.labelEn = text(m.labelEn());
        mf.value = Long.toString(m.value());
        mf.unit = text(m.unitJa());
        mf.asOf = text(m.asOf());
        return mf;
    }

    private static ExampleForm example(ProgramContent.Example e) {
        ExampleForm ef = new ExampleForm();
        ef.name = text(e.name());
        ef.description = text(e.description());
        ef.prefecture = text(e.prefectureCode());
        return ef;
    }

    private static NoteForm note(ProgramContent.Note n) {
        NoteForm nf = new NoteForm();
        nf.ja = text(n.ja());
        nf.en = text(n.en());
        return nf;
    }

    static ProgramForm.PeriodForm period(ProgramContent.Period p) {
        ProgramForm.PeriodForm pf = new ProgramForm.PeriodForm();
        pf.start = text(p.start());
        pf.end = text(p.end());
        pf.yearly = p.yearly();
        return pf;
    }

    private static GroupForm group(ProgramContent.Group g) {
        GroupForm gf = new GroupForm();
        gf.label = text(g.label());
        gf.validFrom = text(g.validFrom());
        gf.validTo = text(g.validTo());
        g.criteria().forEach(r -> gf.criteria.add(rule(r)));
        return gf;
    }

    private static RuleForm rule(ProgramContent.Rule r) {
        RuleForm rf = new RuleForm();
        rf.type = r.type() == null ? "" : r.type().name();
        rf.strength = r.strength() == null ? "" : r.strength().name();
        rf.subject = r.subject() == null ? "" : r.subject().name();
        rf.sourceText = text(r.sourceText());
        rf.minAge = text(r.minAge());
        rf.maxAge = text(r.maxAge());
        rf.areas = r.areas() == null ? "" : String.join(", ", r.areas());
        rf.areaLabel = text(r.areaLabel());
        rf.outside = r.outside();
        rf.domesticOnly = r.domesticOnly();
        rf.schools = text(r.schools());
        rf.applicants = r.applicants() == null ? List.of() : r.applicants().stream().map(Applicant::code).toList();
        rf.minGroupSize = text(r.minGroupSize());
        rf.youngMaxAge = text(r.youngMaxAge());
        rf.youngShareNum = text(r.youngShareNum());
        rf.youngShareDen = text(r.youngShareDen());
        rf.audienceHint = r.audienceHint() == null ? "" : r.audienceHint().name();
        rf.note = text(r.note());
        return rf;
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static ProgramForm.ApplicationForm application(ProgramContent.Application a) {
        ProgramForm.ApplicationForm f = new ProgramForm.ApplicationForm();
        f.method = text(a.method());
        f.applyUrl = text(a.applyUrl());
        f.contactDepartment = text(a.contactDepartment());
        f.contactPhone = text(a.contactPhone());
        f.contactEmail = text(a.contactEmail());
        f.contactUrl = text(a.contactUrl());
        f.documents = String.join("\n", a.documents());
        f.cost = a.cost() == null ? "" : a.cost().name();
        f.costAmount = a.costAmount() == null ? "" : a.costAmount().toString();
        f.costText = text(a.costText());
        return f;
    }
}
