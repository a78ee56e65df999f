package jp.tsunagari.eligibility.internal;

import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.eligibility.Areas;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.eligibility.Evaluation;
import jp.tsunagari.eligibility.Outcome;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.SchoolRules;
import jp.tsunagari.eligibility.SchoolType;
import jp.tsunagari.eligibility.TargetGroup;
import jp.tsunagari.eligibility.Verdict;

/**
 * Judges a profile against a program's target groups. A group is 該当 when every criterion holds, 非該当 when a hard
 * criterion fails, 要確認 otherwise (a missing answer, a condition in words, or vague wording). A program is 該当 if
 * any group is, else 要確認 if any group is, else 非該当. Soft criteria never fail: they can only leave a group open.
 * A group whose {@link jp.tsunagari.eligibility.Validity} does not cover the profile's 申込日 is 非該当.
 * Plain Java: no web or framework types, so the page, the API and the admin form share it.
 */
public final class EligibilityEvaluator {

    private final Areas areas;

    public EligibilityEvaluator(Areas areas) {
        this.areas = areas;
    }

    public Evaluation evaluate(List<TargetGroup> groups, Profile profile) {
        List<Evaluation.GroupResult> results = new ArrayList<>();
        for (TargetGroup group : groups) {
            List<Evaluation.CriterionResult> criteria = group.criteria().stream().map(c -> judge(c, profile)).toList();
            boolean inForce = group.validity().covers(profile.date());
            Verdict verdict = !inForce || criteria.stream().anyMatch(r -> r.outcome() == Outcome.FAILS)
                    ? Verdict.NOT_ELIGIBLE
                    : criteria.stream().allMatch(r -> r.outcome() == Outcome.HOLDS) ? Verdict.ELIGIBLE : Verdict.CHECK;
            results.add(new Evaluation.GroupResult(group, verdict, criteria, inForce));
        }
        Verdict overall = results.stream().anyMatch(r -> r.verdict() == Verdict.ELIGIBLE) ? Verdict.ELIGIBLE
                : results.stream().anyMatch(r -> r.verdict() == Verdict.CHECK) ? Verdict.CHECK : Verdict.NOT_ELIGIBLE;
        return new Evaluation(overall, results);
    }

    public Evaluation.CriterionResult judge(Criterion c, Profile p) {
        Evaluation.CriterionResult hard = switch (c.type()) {
            case AGE -> age(c, p);
            case ORIGIN -> place(c, p.hometown(), "origin");
            case RESIDENCE -> residence(c, p);
            case STUDENT -> student(c, p);
            case LIVING_AWAY -> livingAway(c, p);
            case APPLICANT -> p.applicant() == null ? open(c, "eligibility.reason.missing")
                    : result(c, c.applicants().contains(p.applicant()), "eligibility.reason.applicant",
                    "eligibility.applicant." + p.applicant().code());
            case GROUP_SIZE -> p.groupSize() == null ? open(c, "eligibility.reason.missing")
                    : result(c, p.groupSize() >= c.minGroupSize(), "eligibility.reason.groupSize", p.groupSize());
            case GROUP_YOUNG_SHARE -> youngShare(c, p);
            case FREE_TEXT -> open(c, "eligibility.reason.words");
        };
        if (!c.isHard() && hard.outcome() == Outcome.FAILS) {
            return new Evaluation.CriterionResult(c, Outcome.OPEN, "eligibility.reason.soft", hard.reasonArgs());
        }
        return hard;
    }

    private Evaluation.CriterionResult age(Criterion c, Profile p) {
        if (p.age() == null) {
            return open(c, "eligibility.reason.missing");
        }
        boolean holds = (c.minAge() == null || p.age() >= c.minAge()) && (c.maxAge() == null || p.age() <= c.maxAge());
        return result(c, holds, "eligibility.reason.age", p.age());
    }

    private Evaluation.CriterionResult residence(Criterion c, Profile p) {
        return switch (c.subject()) {
            case SELF -> p.livesAbroad() ? abroad(c) : place(c, p.residence(), "residence");
            case FAMILY -> place(c, p.familyHome(), "family");
            case MEMBERS -> open(c, "eligibility.reason.members");
        };
    }

    /** Living abroad is outside every area of Japan, but fails 「国内に限る」. */
    private Evaluation.CriterionResult abroad(Criterion c) {
        boolean holds = c.outside() && !c.domesticOnly();
        return new Evaluation.CriterionResult(c, holds ? Outcome.HOLDS : Outcome.FAILS,
                holds ? "eligibility.reason.abroad.holds" : "eligibility.reason.abroad.fails", new Object[0]);
    }

    /** Inside (or, for 「…外」, outside) the criterion's areas, for a place the person gave. */
    private Evaluation.CriterionResult place(Criterion c, String place, String what) {
        if (place == null) {
            return open(c, "eligibility.reason.missing");
        }
        Boolean inside = inside(c.areas(), place);
        if (inside == null) {
            return new Evaluation.CriterionResult(c, Outcome.OPEN, "eligibility.reason.coarse." + what, new Object[] {place});
        }
        boolean holds = placeHolds(c, inside);
        return new Evaluation.CriterionResult(c, holds ? Outcome.HOLDS : Outcome.FAILS,
                "eligibility.reason." + what + (holds ? ".holds" : ".fails"), new Object[] {place});
    }

    /** TRUE if the place is inside one of the areas, null if it is too coarse to tell for some, else FALSE. */
    Boolean inside(List<String> codes, String place) {
        Boolean inside = false;
        for (String area : codes) {
            Boolean within = areas.within(place, area);
            if (Boolean.TRUE.equals(within)) {
                return true;
            }
            if (within == null) {
                inside = null;
            }
        }
        return inside;
    }

    /** An area criterion holds when the place is inside its areas, or, for 「…外」, outside them. */
    private static boolean placeHolds(Criterion c, boolean inside) {
        return c.outside() != inside;
    }

    /**
     * The outcome of an area criterion (origin, residence of the person or the family) once it is known whether
     * the place given is inside its areas (null: too coarse to tell), as {@link #judge} gives it.
     */
    public Outcome placeOutcome(Criterion c, Boolean inside) {
        if (inside == null) {
            return Outcome.OPEN;
        }
        return placeHolds(c, inside) ? Outcome.HOLDS : c.isHard() ? Outcome.FAILS : Outcome.OPEN;
    }

    private Evaluation.CriterionResult student(Criterion c, Profile p) {
        if (p.school() == null) {
            return open(c, "eligibility.reason.missing");
        }
        SchoolRules rules = c.schools();
        String school = "eligibility.school." + p.school().code();
        if (p.school() == SchoolType.NONE) {
            return result(c, false, "eligibility.reason.school", school);
        }
        if (rules.anySchool()) {
            return result(c, true, "eligibility.reason.school", school);
        }
        var rule = rules.ruleFor(p.school());
        if (rule.isEmpty()) {
            return rules.openEnded() ? open(c, "eligibility.reason.schoolUnlisted")
                    : result(c, false, "eligibility.reason.school", school);
        }
        if (!rule.get().limitsGrades()) {
            return result(c, true, "eligibility.reason.school", school);
        }
        if (p.grade() == null) {
            return open(c, "eligibility.reason.grade.missing");
        }
        boolean holds = p.grade() >= rule.get().minGrade() && p.grade() <= rule.get().maxGrade();
        return result(c, holds, "eligibility.reason.grade", school, p.grade());
    }

    /** 自宅外から通学: judged from where the person lives and where the family home is, when both are given. */
    private Evaluation.CriterionResult livingAway(Criterion c, Profile p) {
        if (p.residence() == null || p.familyHome() == null) {
            return open(c, "eligibility.reason.missing");
        }
        Boolean same = p.livesAbroad() ? Boolean.FALSE : areas.within(p.residence(), p.familyHome());
        if (same == null) {
            return open(c, "eligibility.reason.livingAway.open");
        }
        return result(c, !same, "eligibility.reason.livingAway", p.residence());
    }

    private Evaluation.CriterionResult youngShare(Criterion c, Profile p) {
        if (p.groupSize() == null || p.groupYoung() == null) {
            return open(c, "eligibility.reason.missing");
        }
        boolean holds = (long) p.groupYoung() * c.youngShareDen() >= (long) c.youngShareNum() * p.groupSize();
        return result(c, holds, "eligibility.reason.groupYoung", p.groupSize(), p.groupYoung());
    }

    private static Evaluation.CriterionResult result(Criterion c, boolean holds, String key, Object... args) {
        return new Evaluation.CriterionResult(c, holds ? Outcome.HOLDS : Outcome.FAILS,
                key + (holds ? ".holds" : ".fails"), args);
    }

    private static Evaluation.CriterionResult open(Criterion c, String key) {
        return new Evaluation.CriterionResult(c, Outcome.OPEN, key, new Object[0]);
    }
}
