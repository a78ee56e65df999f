package jp.tsunagari.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.catalogue.ApplicationCost;
import jp.tsunagari.catalogue.Channel;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.eligibility.Audience;
import jp.tsunagari.eligibility.CriterionType;
import jp.tsunagari.eligibility.Strength;
import jp.tsunagari.eligibility.Subject;
import jp.tsunagari.system.Choice;
import jp.tsunagari.system.HttpUrl;
import jp.tsunagari.system.InOrder;
import jp.tsunagari.system.IsoDate;
import jp.tsunagari.system.Text;
import jp.tsunagari.system.WholeNumber;

/**
 * The program form exactly as typed: every value is text, so that nothing is lost when something is invalid, and
 * every rule is a Bean Validation constraint on it (validated with {@code @Valid} in the controller and by the
 * import). Public fields, bound by direct field access (see ProgramAdminController), declared in the order of the
 * page, which is the order of the error summary. {@link ProgramFormMapper} converts a valid form.
 */
@RowRules.Organizer
@RowRules.YearMonthPair(year = "startYear", month = "startMonth")
@RowRules.YearMonthPair(year = "eventYear", month = "eventMonth")
@RowRules.YearMonthPair(year = "endYear", month = "endMonth")
@ScheduleRules.ProgramDates
class ProgramForm {

    static final String KANA = "\\p{javaWhitespace}*[\\u3041-\\u309F\\u30FC・ 　]*\\p{javaWhitespace}*";

    public String version = "";
    @Text(max = 200, required = true)
    public String name = "";
    @Text(max = 200, required = true)
    @Pattern(regexp = KANA, message = "{admin.error.kana}")
    public String nameKana = "";
    @Text(max = 200)
    public String nameEn = "";
    @Text(max = 30, required = true)
    @ValueRules.KnownCategory
    public String category = "";
    @Text(max = 2)
    @ValueRules.KnownPrefecture
    public String prefecture = "";
    /** A 6-digit code, a unique name or the datalist's "code name（prefecture）"; checked by {@code @Organizer}. */
    public String municipality = "";
    @WholeNumber(min = RowRules.MIN_YEAR, max = RowRules.MAX_YEAR)
    public String startYear = "";
    @WholeNumber(min = 1, max = 12)
    public String startMonth = "";
    @WholeNumber(min = RowRules.MIN_YEAR, max = RowRules.MAX_YEAR)
    public String endYear = "";
    @WholeNumber(min = 1, max = 12)
    public String endMonth = "";
    @WholeNumber(min = RowRules.MIN_YEAR, max = RowRules.MAX_YEAR)
    public String eventYear = "";
    @WholeNumber(min = 1, max = 12)
    public String eventMonth = "";
    @Choice(value = Channel.class, required = true)
    public String channel = "";
    @Choice(value = Lifecycle.class, required = true)
    public String lifecycle = "ONGOING";
    @Text(max = 1000)
    public String summary = "";
    @Text(max = 1000)
    public String benefit = "";
    @HttpUrl
    public String officialUrl = "";
    @Valid
    public ApplicationForm application = new ApplicationForm();
    public List<@Valid PeriodForm> periods = new ArrayList<>();
    public List<@Valid SectionForm> sections = new ArrayList<>();
    public List<@Valid MetricForm> metrics = new ArrayList<>();
    @Text(max = 100)
    public String examplesHeading = "";
    public List<@Valid ExampleForm> examples = new ArrayList<>();
    @Text(max = 4000)
    public String eligibilityText = "";
    public List<@Valid GroupForm> groups = new ArrayList<>();
    public List<@Valid NoteForm> notes = new ArrayList<>();
    @WholeNumber(min = 1, max = 1_000_000)
    public String sourceDocument = "";
    @Text(max = 100)
    public String sourceSection = "";
    @WholeNumber(min = 1, max = 100_000)
    public String sourceOrder = "";

    /** How to apply and whom to ask (申込み・問い合わせ); all empty means 未登録. */
    @ApplicationRules.CostComplete
    public static class ApplicationForm {
        @Text(max = 4000)
        public String method = "";
        @HttpUrl
        public String applyUrl = "";
        @Text(max = 200)
        public String contactDepartment = "";
        @Pattern(regexp = ApplicationRules.PHONE, message = "{admin.error.phone}")
        public String contactPhone = "";
        @Pattern(regexp = ApplicationRules.EMAIL, message = "{admin.error.email}")
        @Text(max = 254)
        public String contactEmail = "";
        @HttpUrl
        public String contactUrl = "";
        /** One document a line. */
        @Text(max = 4000)
        public String documents = "";
        @Choice(ApplicationCost.class)
        public String cost = "";
        @WholeNumber(min = 0, max = 10_000_000)
        public String costAmount = "";
        @Text(max = 500)
        public String costText = "";
    }

    @RowRules.SectionContent
    public static class SectionForm {
        @Text(max = 200)
        public String heading = "";
        /** One item per line: 「✓」 starts a nested check item, a leading full-width space a nested bullet, 「※」 a note. */
        public String items = "";
    }

    /** A 受付期間: first and last day (2026-04-01), and whether it comes again every year on the same days. */
    @ScheduleRules.PeriodOccurs
    public static class PeriodForm {
        @IsoDate(required = true, inRange = true, message = "{admin.error.date.range}")
        public String start = "";
        @IsoDate(required = true, inRange = true, message = "{admin.error.date.range}")
        public String end = "";
        public boolean yearly;
    }

    public static class MetricForm {
        @Text(max = 100, required = true)
        public String labelJa = "";
        @Text(max = 100)
        public String labelEn = "";
        /** A count is only meaningful with the date it was counted on: both are required. */
        @ValueRules.Count
        public String value = "";
        @Text(max = 20, required = true)
        public String unit = "名";
        @IsoDate(required = true)
        public String asOf = "";
    }

    public static class ExampleForm {
        @Text(max = 200, required = true)
        public String name = "";
        @Text(max = 2000, required = true)
        public String description = "";
        @Text(max = 2, required = true)
        @ValueRules.KnownPrefecture
        public String prefecture = "";
    }

    public static class NoteForm {
        @Text(max = 1000, required = true)
        public String ja = "";
        @Text(max = 1000)
        public String en = "";
    }

    @RowRules.HasCriteria
    @ScheduleRules.ValidityOrder
    public static class GroupForm {
        @Text(max = 300, required = true)
        public String label = "";
        /** The first and last day the group's rules apply (both optional: a rule change at a date). */
        @IsoDate(inRange = true, message = "{admin.error.date.range}")
        public String validFrom = "";
        @IsoDate(inRange = true, message = "{admin.error.date.range}")
        public String validTo = "";
        public List<@Valid RuleForm> criteria = new ArrayList<>();
    }

    @InOrder(lower = "minAge", upper = "maxAge", min = 0, max = RowRules.MAX_AGE, message = "{admin.error.ageOrder}")
    @InOrder(lower = "youngShareNum", upper = "youngShareDen", min = 1, max = 100, message = "{admin.error.share}")
    @CriterionFields
    public static class RuleForm {
        @Choice(value = CriterionType.class, required = true)
        public String type = "";
        @Choice(value = Strength.class, required = true)
        public String strength = "HARD";
        @Choice(value = Subject.class, required = true)
        public String subject = "SELF";
        @Text(max = 500, required = true)
        public String sourceText = "";
        @WholeNumber(min = 0, max = RowRules.MAX_AGE)
        public String minAge = "";
        @WholeNumber(min = 0, max = RowRules.MAX_AGE)
        public String maxAge = "";
        @ValueRules.Areas
        public String areas = "";
        @Text(max = 100)
        public String areaLabel = "";
        public boolean outside;
        public boolean domesticOnly;
        @Text(max = 300)
        @ValueRules.SchoolTypes
        public String schools = "";
        public List<String> applicants = new ArrayList<>();
        @WholeNumber(min = 1, max = 10_000)
        public String minGroupSize = "";
        @WholeNumber(min = 0, max = RowRules.MAX_AGE)
        public String youngMaxAge = "";
        @WholeNumber(min = 1, max = 100)
        public String youngShareNum = "";
        @WholeNumber(min = 1, max = 100)
        public String youngShareDen = "";
        @Choice(Audience.class)
        public String audienceHint = "";
        @Text(max = 1000)
        public String note = "";
    }

    /** Applies an add/remove button ({@code action}); returns false if the action is not one of them. */
    public boolean edit(String action) {
        String[] parts = action == null ? new String[0] : action.split("-");
        try {
            switch (parts[0] + "-" + parts[1]) {
                case "add-section" -> sections.add(new SectionForm());
                case "add-metric" -> metrics.add(new MetricForm());
                case "add-period" -> periods.add(new PeriodForm());
                case "add-example" -> examples.add(new ExampleForm());
                case "add-note" -> notes.add(new NoteForm());
                case "add-group" -> groups.add(new GroupForm());
                case "add-criterion" -> groups.get(Integer.parseInt(parts[2])).criteria.add(new RuleForm());
                case "remove-section" -> sections.remove(Integer.parseInt(parts[2]));
                case "remove-metric" -> metrics.remove(Integer.parseInt(parts[2]));
                case "remove-period" -> periods.remove(Integer.parseInt(parts[2]));
                case "remove-example" -> examples.remove(Integer.parseInt(parts[2]));
                case "remove-note" -> notes.remove(Integer.parseInt(parts[2]));
                case "remove-group" -> groups.remove(Integer.parseInt(parts[2]));
                case "remove-criterion" -> groups.get(Integer.parseInt(parts[2])).criteria.remove(Integer.parseInt(parts[3]));
                default -> {
                    return false;
                }
            }
            return true;
        } catch (RuntimeException outOfRange) {
            return false;
        }
    }
}
