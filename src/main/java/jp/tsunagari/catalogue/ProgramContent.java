package jp.tsunagari.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.tsunagari.catalogue.internal.ProgramContentMapping;
import jp.tsunagari.eligibility.Applicant;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;

/**
 * Everything staff can edit about a program, as plain values and codes: what a form produces, what a draft and
 * every history revision store (as JSON), and what a diff compares. Audience tags are not here: they are derived.
 */
public record ProgramContent(
        String name, String nameKana, String nameEn, String categoryCode,
        String organizerPrefectureCode, String organizerMunicipalityCode,
        Integer startYear, Integer startMonth, Integer eventYear, Integer eventMonth,
        Channel channel, Lifecycle lifecycle,
        String summary, String benefit, String officialUrl,
        String eligibilityText, String examplesHeading,
        Integer sourceDocumentId, String sourceSection, Integer sourceOrder,
        List<Section> sections, List<Metric> metrics, List<Example> examples, List<Note> dataNotes,
        List<Group> targetGroups, Application application, Schedule schedule) {

    public ProgramContent {
        application = application == null ? Application.NONE : application;
        schedule = schedule == null ? Schedule.NONE : schedule;
        sections = sections == null ? List.of() : List.copyOf(sections);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        examples = examples == null ? List.of() : List.copyOf(examples);
        dataNotes = dataNotes == null ? List.of() : List.copyOf(dataNotes);
        targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    }

    public record Section(String heading, List<Item> items) {
        public Section {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Item(int level, ItemKind kind, String text) {
    }

    public record Metric(String labelJa, String labelEn, long value, String unitJa, LocalDate asOf) {
    }

    public record Example(String name, String description, String prefectureCode) {
    }

    public record Note(String ja, String en) {
    }

    /**
     * How to apply and whom to ask. The source has none of this: every field stays null (未登録) until staff fill it in.
     * {@code costAmount} (yen) goes with {@link ApplicationCost#AMOUNT}, {@code costText} with {@code TEXT}.
     */
    public record Application(String method, String applyUrl, String contactDepartment, String contactPhone,
                              String contactEmail, String contactUrl, List<String> documents, ApplicationCost cost,
                              Integer costAmount, String costText) {
        public static final Application NONE = new Application(null, null, null, null, null, null, List.of(), null,
                null, null);

        public Application {
            documents = documents == null ? List.of() : List.copyOf(documents);
        }

        /** Nothing registered yet (未登録). */
        public boolean isEmpty() {
            return equals(NONE);
        }
    }

    /**
     * The program's end (month precision like its start; {@code endMonth} null: the end of {@code endYear}) and its
     * 受付期間. None of it is in the source: empty (未登録) until staff fill it in. See {@link Acceptance}.
     */
    public record Schedule(Integer endYear, Integer endMonth, List<Period> periods) {
        public static final Schedule NONE = new Schedule(null, null, List.of());

        public Schedule {
            periods = periods == null ? List.of() : List.copyOf(periods);
        }

        /** The last day of the program, or null when no end is registered. */
        public LocalDate endDay() {
            if (endYear == null) {
                return null;
            }
            return endMonth == null ? LocalDate.of(endYear, 12, 31)
                    : java.time.YearMonth.of(endYear, endMonth).atEndOfMonth();
        }

    }

    /**
     * One 受付期間, {@code start} to {@code end} inclusive; {@code yearly}: again every year on the same days (the
     * dates given are the first time), e.g. 毎年4月1日～5月31日.
     */
    public record Period(LocalDate start, LocalDate end, boolean yearly) {
    }

    /**
     * A target group: its label, its criteria and the days its rules apply ({@code validFrom}/{@code validTo}, either
     * open; both null: always).
     */
    public record Group(String label, List<Rule> criteria, LocalDate validFrom, LocalDate validTo) {
        public Group {
            criteria = criteria == null ? List.of() : List.copyOf(criteria);
        }

        /** A group whose rules always apply. */
        public Group(String label, List<Rule> criteria) {
            this(label, criteria, null, null);
        }
    }

    public record Rule(CriterionType type, Strength strength, Subject subject, String sourceText,
                       Integer minAge, Integer maxAge, List<String> areas, String areaLabel, boolean outside,
                       boolean domesticOnly, String schools, Set<Applicant> applicants, Integer minGroupSize,
                       Integer youngMaxAge, Integer youngShareNum, Integer youngShareDen, Audience audienceHint,
                       String note) {
        public Rule {
            areas = areas == null ? List.of() : List.copyOf(areas);
            applicants = applicants == null || applicants.isEmpty() ? Set.of()
                    : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(applicants));
        }
    }

    /** The target groups and criteria of this content as eligibility objects (not persisted), for judging. */
    public List<jp.tsunagari.eligibility.TargetGroup> toTargetGroups() {
        return ProgramContentMapping.groups(this);
    }

    /** The same content under another name (for "duplicate as a starting point"). */
    public ProgramContent renamed(String newName) {
        return new ProgramContent(newName, nameKana, nameEn, categoryCode, organizerPrefectureCode,
                organizerMunicipalityCode, startYear, startMonth, eventYear, eventMonth, channel, lifecycle, summary,
                benefit, officialUrl, eligibilityText, examplesHeading, sourceDocumentId, sourceSection, sourceOrder,
                sections, metrics, examples, dataNotes, targetGroups, application, schedule);
    }
}
