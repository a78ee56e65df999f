package jp.tsunagari.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns two contents into the public names of the fields that differ ({@link FieldChange}), in the order of the
 * content: paths from {@link ContentDiff} grouped by what the public page shows as one fact (年 and 月 are one
 * 開始時期; the 対象 text and its structured reading are one 対象; a contact's department, phone, e-mail and URL are
 * one 問い合わせ先). Never a value: the words say what changed, the program page says what it is now.
 */
@Component
class ChangeWords {

    private static final Set<String> OWN = Set.of("name", "nameKana", "nameEn", "channel", "lifecycle", "summary",
            "benefit", "officialUrl", "sections", "metrics", "dataNotes");

    /** {@code Application.isEmpty()} as the JSON has it: follows from the other fields, not a fact of its own. */
    private static final String DERIVED = "application.empty";

    private final ContentDiff diff;

    ChangeWords(ContentDiff diff) {
        this.diff = diff;
    }

    List<FieldChange> between(ProgramContent before, ProgramContent after) {
        Map<String, String> a = diff.flatten(before);
        Map<String, String> b = diff.flatten(after);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> paths = new LinkedHashSet<>(b.keySet());
        paths.addAll(a.keySet());
        for (String path : paths) {
            if (!DERIVED.equals(path) && !Objects.equals(a.get(path), b.get(path))) {
                changed.add(field(path));
            }
        }
        List<FieldChange> changes = new ArrayList<>();
        for (String field : changed) {
            boolean had = a.keySet().stream().anyMatch(p -> !DERIVED.equals(p) && field(p).equals(field));
            boolean has = b.keySet().stream().anyMatch(p -> !DERIVED.equals(p) && field(p).equals(field));
            FieldChange.Kind kind = !had ? FieldChange.Kind.ADDED : !has ? FieldChange.Kind.REMOVED
                    : FieldChange.Kind.CHANGED;
            changes.add(new FieldChange(field, kind));
        }
        return changes;
    }

    /** The public field a content path belongs to ({@code application.contactPhone} → {@code contact}). */
    static String field(String path) {
        String top = segment(path);
        if (top.equals("application")) {
            String sub = segment(path.substring(Math.min(path.length(), top.length() + 1)));
            return switch (sub) {
                case "method" -> "applyMethod";
                case "applyUrl" -> "applyUrl";
                case "documents" -> "documents";
                default -> sub.startsWith("contact") ? "contact" : sub.startsWith("cost") ? "cost" : "application";
            };
        }
        if (top.equals("schedule")) {
            return segment(path.substring(Math.min(path.length(), top.length() + 1))).equals("periods") ? "periods" : "end";
        }
        return switch (top) {
            case "categoryCode" -> "category";
            case "organizerPrefectureCode", "organizerMunicipalityCode" -> "organizer";
            case "startYear", "startMonth" -> "start";
            case "eventYear", "eventMonth" -> "event";
            case "eligibilityText", "targetGroups" -> "eligibility";
            case "examplesHeading", "examples" -> "examples";
            case "sourceDocumentId", "sourceSection", "sourceOrder" -> "source";
            default -> OWN.contains(top) ? top : "other";
        };
    }

    private static String segment(String path) {
        int end = path.length();
        for (char c : new char[] {'.', '['}) {
            int i = path.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return path.substring(0, end);
    }
}
