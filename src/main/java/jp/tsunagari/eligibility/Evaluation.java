package jp.tsunagari.eligibility;

import java.util.List;

/** The answer for one program: its verdict and, group by group, criterion by criterion, why. */
public record Evaluation(Verdict verdict, List<GroupResult> groups) {

    /** A criterion's outcome and the reason, as a message key with arguments (rendered in Japanese or English). */
    public record CriterionResult(Criterion criterion, Outcome outcome, String reasonKey, Object[] reasonArgs) {
    }

    public record GroupResult(TargetGroup group, Verdict verdict, List<CriterionResult> criteria) {
    }
}
