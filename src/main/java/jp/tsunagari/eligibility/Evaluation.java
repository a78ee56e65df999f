package jp.tsunagari.eligibility;

import java.util.List;

/** The answer for one program: its verdict and, group by group, criterion by criterion, why. */
public record Evaluation(Verdict verdict, List<GroupResult> groups) {

    /** A criterion's outcome and the reason, as a message key with arguments (rendered in Japanese or English). */
    public record CriterionResult(Criterion criterion, Outcome outcome, String reasonKey, Object[] reasonArgs) {
    }

    /**
     * A group's verdict; {@code inForce} false when its rules do not apply on the profile's 申込日 (then 非該当,
     * whatever the criteria say: another group holds the rules of that day).
     */
    public record GroupResult(TargetGroup group, Verdict verdict, List<CriterionResult> criteria, boolean inForce) {
    }
}
