package jp.tsunagari.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * The program form exactly as typed: every value is text, so that nothing is lost when something is invalid.
 * Public fields, bound by direct field access (see ProgramAdminController); {@link ProgramFormMapper} converts.
 */
public class ProgramForm {

    public String version = "";
    public String name = "";
    public String nameKana = "";
    public String nameEn = "";
    public String category = "";
    public String prefecture = "";
    public String municipality = "";
    public String startYear = "";
    public String startMonth = "";
    public String eventYear = "";
    public String eventMonth = "";
    public String channel = "";
    public String lifecycle = "ONGOING";
    public String summary = "";
    public String benefit = "";
    public String officialUrl = "";
    public String eligibilityText = "";
    public String examplesHeading = "";
    public String sourceDocument = "";
    public String sourceSection = "";
    public String sourceOrder = "";
    public List<SectionForm> sections = new ArrayList<>();
    public List<MetricForm> metrics = new ArrayList<>();
    public List<ExampleForm> examples = new ArrayList<>();
    public List<NoteForm> notes = new ArrayList<>();
    public List<GroupForm> groups = new ArrayList<>();

    public static class SectionForm {
        public String heading = "";
        /** One item per line: 「✓」 starts a nested check item, a leading full-width space a nested bullet, 「※」 a note. */
        public String items = "";
    }

    public static class MetricForm {
        public String labelJa = "";
        public String labelEn = "";
        public String value = "";
        public String unit = "名";
        public String asOf = "";
    }

    public static class ExampleForm {
        public String name = "";
        public String description = "";
        public String prefecture = "";
    }

    public static class NoteForm {
        public String ja = "";
        public String en = "";
    }

    public static class GroupForm {
        public String label = "";
        public List<RuleForm> criteria = new ArrayList<>();
    }

    public static class RuleForm {
        public String type = "";
        public String strength = "HARD";
        public String subject = "SELF";
        public String sourceText = "";
        public String minAge = "";
        public String maxAge = "";
        public String areas = "";
        public String areaLabel = "";
        public boolean outside;
        public boolean domesticOnly;
        public String schools = "";
        public List<String> applicants = new ArrayList<>();
        public String minGroupSize = "";
        public String youngMaxAge = "";
        public String youngShareNum = "";
        public String youngShareDen = "";
        public String audienceHint = "";
        public String note = "";
    }

    /** Applies an add/remove button ({@code action}); returns false if the action is not one of them. */
    public boolean edit(String action) {
        String[] parts = action == null ? new String[0] : action.split("-");
        try {
            switch (parts[0] + "-" + parts[1]) {
                case "add-section" -> sections.add(new SectionForm());
                case "add-metric" -> metrics.add(new MetricForm());
                case "add-example" -> examples.add(new ExampleForm());
                case "add-note" -> notes.add(new NoteForm());
                case "add-group" -> groups.add(new GroupForm());
                case "add-criterion" -> groups.get(Integer.parseInt(parts[2])).criteria.add(new RuleForm());
                case "remove-section" -> sections.remove(Integer.parseInt(parts[2]));
                case "remove-metric" -> metrics.remove(Integer.parseInt(parts[2]));
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
