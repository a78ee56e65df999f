package jp.tsunagari.eligibility;

import java.util.List;
import java.util.Map;
import jp.tsunagari.eligibility.internal.EligibilityEvaluator;
import jp.tsunagari.place.LgCode;
import jp.tsunagari.place.Places;
import org.springframework.stereotype.Service;

/** The evaluator with the real places: the face of the eligibility rules for pages, the API and the admin form. */
@Service
public class EligibilityChecker implements Areas {

    private final Places places;
    private final EligibilityEvaluator evaluator = new EligibilityEvaluator(this);
    private volatile Map<String, String> wardParents;

    EligibilityChecker(Places places) {
        this.places = places;
    }

    public Evaluation evaluate(List<TargetGroup> groups, Profile profile) {
        return evaluator.evaluate(groups, profile);
    }

    /** How one criterion comes out for a profile (soft criteria never fail). */
    public Outcome outcome(Criterion criterion, Profile profile) {
        return evaluator.judge(criterion, profile).outcome();
    }

    /**
     * How an area criterion comes out once it is known whether the place given is inside its areas (TRUE, FALSE, or
     * null when too coarse to tell), exactly as {@link #outcome} would for such a place.
     */
    public Outcome outcomeInside(Criterion criterion, Boolean inside) {
        return evaluator.placeOutcome(criterion, inside);
    }

    /** The first two digits of a 全国地方公共団体コード are its prefecture's JIS code. */
    @Override
    public String prefectureOf(String code) {
        if (code == null) {
            return null;
        }
        if (code.length() == 2) {
            return LgCode.isPrefectureCode(code) ? code : null;
        }
        return code.length() == 6 && LgCode.isValid(code) ? code.substring(0, 2) : null;
    }

    @Override
    public String parentOf(String code) {
        Map<String, String> parents = wardParents;
        if (parents == null) {
            parents = Map.copyOf(places.wardParents());
            wardParents = parents;
        }
        return parents.get(code);
    }
}
