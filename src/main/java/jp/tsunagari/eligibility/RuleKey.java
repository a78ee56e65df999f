package jp.tsunagari.eligibility;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Everything of a criterion that decides its outcome, except its areas, as one short text: {@code AGE|SELF|HARD|15|25},
 * {@code STUDENT|SELF|HARD|university,etc}, {@code RESIDENCE|SELF|HARD|outside|domestic}. Criteria with the same key
 * are judged alike for every profile (for area criteria: alike once it is known whether the place is inside their
 * areas), so a search index can hold the key and judge each distinct key once per profile with
 * {@link EligibilityChecker}: the index answers "which programs", the evaluator still decides every outcome.
 */
public record RuleKey(String text) {

    private static final String SEP = "|";

    /** The key of a criterion. */
    public static RuleKey of(Criterion c) {
        StringBuilder k = new StringBuilder().append(c.type()).append(SEP).append(c.subject()).append(SEP).append(c.strength());
        switch (c.type()) {
            case AGE -> k.append(SEP).append(number(c.minAge())).append(SEP).append(number(c.maxAge()));
            case STUDENT -> k.append(SEP).append(c.schools().format() == null ? "" : c.schools().format());
            case APPLICANT -> k.append(SEP).append(c.applicants().stream().map(Applicant::code)
                    .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining(",")));
            case GROUP_SIZE -> k.append(SEP).append(number(c.minGroupSize()));
            case GROUP_YOUNG_SHARE -> k.append(SEP).append(number(c.youngShareNum())).append(SEP).append(number(c.youngShareDen()));
            case ORIGIN, RESIDENCE -> k.append(SEP).append(c.outside() ? "outside" : "inside")
                    .append(SEP).append(c.domesticOnly() ? "domestic" : "anywhere");
            case LIVING_AWAY, FREE_TEXT -> {
            }
        }
        return new RuleKey(k.toString());
    }

    /** A criterion, without areas, that is judged as every criterion with this key. */
    public Criterion prototype() {
        String[] p = text.split("\\|", -1);
        CriterionType type = CriterionType.valueOf(p[0]);
        Criterion c = Criterion.of(type, Strength.valueOf(p[2]), Subject.valueOf(p[1]), "");
        return switch (type) {
            case AGE -> c.withAges(integer(p[3]), integer(p[4]));
            case STUDENT -> c.withSchools(SchoolRules.parse(p[3]));
            case APPLICANT -> c.withApplicants(p[3].isEmpty() ? Set.of() : Arrays.stream(p[3].split(","))
                    .map(code -> Applicant.fromCode(code).orElseThrow()).collect(Collectors.toSet()));
            case GROUP_SIZE -> c.withGroup(integer(p[3]), null, null, null);
            case GROUP_YOUNG_SHARE -> c.withGroup(null, null, integer(p[3]), integer(p[4]));
            case ORIGIN, RESIDENCE -> c.withAreas(List.of(), null, "outside".equals(p[3]), "domestic".equals(p[4]));
            case LIVING_AWAY, FREE_TEXT -> c;
        };
    }

    /** Origin, or where the person or the family lives: judged by the areas the place given is in. */
    public static boolean isAreaRule(Criterion c) {
        return c.type() == CriterionType.ORIGIN
                || c.type() == CriterionType.RESIDENCE && (c.subject() == Subject.SELF || c.subject() == Subject.FAMILY);
    }

    /** The place of the profile an area criterion reads (hometown, residence or family home); null if not given. */
    public static String placeFor(Criterion c, Profile p) {
        if (c.type() == CriterionType.ORIGIN) {
            return p.hometown();
        }
        return c.subject() == Subject.FAMILY ? p.familyHome() : p.residence();
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }

    private static Integer integer(String s) {
        return s.isEmpty() ? null : Integer.valueOf(s);
    }
}
