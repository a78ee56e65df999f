package jp.tsunagari.checker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.tsunagari.catalogue.ProgramRules;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Outcome;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.TargetGroup;

/**
 * Which of a fixed set of programs are 該当 or 要確認 for a profile, for many profiles in a row (the e-mail alerts'
 * digest: every saved set of answers against the day's changed programs), without judging every program for every
 * profile. A program is 該当 or 要確認 exactly when one of its target groups is in force on the 申込日 and none of
 * its criteria fails ({@link EligibilityChecker}: a group with a failing criterion is 非該当, a program is 非該当 when
 * all its groups are). Whether a hard criterion fails depends on one aspect of the profile (its age, its hometown,
 * where it lives …), so for each aspect and value the groups it fails are worked out once — a bit set over all the
 * programs' groups — and kept; a profile's failing groups are the union of its values' sets and of the groups out of
 * force on its date. Each set is worked out with the checker itself, so the outcome is the checker's.
 */
final class FailingGroups {

    /** Sets kept at most (pairs of places can be many); beyond, a set is worked out per profile: right, not shared. */
    static final int KEPT = 100_000;
    /** The set of most aspect values: no group fails. Shared, never changed. */
    private static final BitSet NONE = new BitSet();

    private final EligibilityChecker checker;
    private final List<TargetGroup> groups = new ArrayList<>();
    /** The position (in {@link #positions}) of each group's program. */
    private final int[] programOf;
    private final Map<Long, Integer> positions = new HashMap<>();
    /** Per aspect ({@link #aspect}), its hard criteria and the groups they belong to. */
    private final Map<String, List<Criterion>> criteria = new HashMap<>();
    private final Map<String, List<Integer>> groupOf = new HashMap<>();
    private final Map<String, BitSet> failing = new HashMap<>();
    private final Map<LocalDate, BitSet> outOfForce = new HashMap<>();

    FailingGroups(EligibilityChecker checker, List<ProgramRules> programs) {
        this.checker = checker;
        List<Integer> owners = new ArrayList<>();
        for (int p = 0; p < programs.size(); p++) {
            positions.put(programs.get(p).id(), p);
            for (TargetGroup g : programs.get(p).groups()) {
                int index = groups.size();
                groups.add(g);
                owners.add(p);
                for (Criterion c : g.criteria()) {
                    if (c.isHard()) {
                        criteria.computeIfAbsent(aspect(c), a -> new ArrayList<>()).add(c);
                        groupOf.computeIfAbsent(aspect(c), a -> new ArrayList<>()).add(index);
                    }
                }
            }
        }
        this.programOf = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether a program (by id) is 該当 or 要確認 for the profile; false for a program not among them. */
    Predicate<Long> open(Profile profile) {
        BitSet failed = (BitSet) outOfForce.computeIfAbsent(profile.date(), this::outOfForce).clone();
        for (String aspect : criteria.keySet()) {
            failed.or(failing(aspect, profile));
        }
        BitSet open = new BitSet(positions.size());
        for (int g = failed.nextClearBit(0); g < groups.size(); g = failed.nextClearBit(g + 1)) {
            open.set(programOf[g]);
        }
        return id -> {
            Integer at = positions.get(id);
            return at != null && open.get(at);
        };
    }

    private BitSet failing(String aspect, Profile profile) {
        String key = aspect + '=' + value(aspect, profile);
        BitSet set = failing.get(key);
        if (set == null) {
            set = fails(aspect, profile);
            if (failing.size() < KEPT) {
                failing.put(key, set);
            }
        }
        return set;
    }

    /** The groups in which a hard criterion of this aspect fails for the profile (for any profile with its value). */
    private BitSet fails(String aspect, Profile profile) {
        BitSet set = new BitSet(groups.size());
        List<Criterion> of = criteria.get(aspect);
        List<Integer> in = groupOf.get(aspect);
        for (int i = 0; i < of.size(); i++) {
            if (!set.get(in.get(i)) && checker.outcome(of.get(i), profile) == Outcome.FAILS) {
                set.set(in.get(i));
            }
        }
        return set.isEmpty() ? NONE : set;
    }

    private BitSet outOfForce(LocalDate date) {
        BitSet set = new BitSet(groups.size());
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).validity().covers(date)) {
                set.set(g);
            }
        }
        return set;
    }

    /**
     * The part of a profile a criterion's outcome depends on, as the checker judges it: one aspect per criterion type
     * (and, for places, subject). A type not listed here is keyed by the whole profile: correct, only not shared.
     */
    static String aspect(Criterion c) {
        return switch (c.type()) {
            case AGE -> "age";
            case ORIGIN -> "hometown";
            case RESIDENCE -> switch (c.subject()) {
                case SELF -> "residence";
                case FAMILY -> "family";
                case MEMBERS -> "none";
            };
            case STUDENT -> "school";
            case LIVING_AWAY -> "away";
            case APPLICANT -> "applicant";
            case GROUP_SIZE -> "size";
            case GROUP_YOUNG_SHARE -> "young";
            case FREE_TEXT -> "none";
        };
    }

    private static String value(String aspect, Profile p) {
        return switch (aspect) {
            case "age" -> String.valueOf(p.age());
            case "hometown" -> String.valueOf(p.hometown());
            case "residence" -> String.valueOf(p.residence());
            case "family" -> String.valueOf(p.familyHome());
            case "school" -> p.school() + "/" + p.grade();
            case "away" -> p.residence() + "/" + p.familyHome();
            case "applicant" -> String.valueOf(p.applicant());
            case "size" -> String.valueOf(p.groupSize());
            case "young" -> p.groupSize() + "/" + p.groupYoung();
            case "none" -> "";
            default -> p.toString();
        };
    }
}
