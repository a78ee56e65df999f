package jp.tsunagari.search;

import java.util.List;
import jp.tsunagari.eligibility.Areas;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.eligibility.RuleKey;
import jp.tsunagari.eligibility.TargetGroup;
import jp.tsunagari.eligibility.Validity;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;

/**
 * What the index holds of a program's target groups, so that {@link EligibilityLookup} can find the programs a
 * profile makes 該当 or 要確認 without judging the others. Groups are numbered 0, 1, … in their order. Field
 * {@value #RULES} holds {@code g0} (group 0 exists), {@code g0|r|KEY} for each criterion judged by its
 * {@link RuleKey} alone, and {@code g0|a1|KEY} for the second area criterion of group 0 (origin, residence,
 * family home); field {@value #AREAS} holds that criterion's areas ({@code g0|a1|=032018}) and, for a municipality,
 * the prefecture that is too coarse to decide it ({@code g0|a1|~03}); a group whose rules apply only for a time holds
 * {@code g0|v|2026-04-01~2027-03-31} ({@link Validity#term}), which the 申込日 decides.
 */
final class EligibilityFields {

    static final String RULES = "elig_rule";
    static final String AREAS = "elig_area";
    /** The middle part of a validity term. */
    static final String VALIDITY = "v";

    private EligibilityFields() {
    }

    static void add(Document d, List<TargetGroup> groups, Areas areas) {
        for (int i = 0; i < groups.size(); i++) {
            String group = group(i);
            rule(d, group);
            Validity validity = groups.get(i).validity();
            if (!validity.isAlways()) {
                rule(d, group + "|" + VALIDITY + "|" + validity.term());
            }
            int area = 0;
            for (Criterion c : groups.get(i).criteria()) {
                String key = RuleKey.of(c).text();
                if (RuleKey.isAreaRule(c)) {
                    String slot = areaSlot(i, area++);
                    rule(d, slot + "|" + key);
                    for (String code : c.areas()) {
                        d.add(new StringField(AREAS, slot + "|=" + code, Field.Store.NO));
                        String coarse = areas.coarseOf(code);
                        if (coarse != null) {
                            d.add(new StringField(AREAS, slot + "|~" + coarse, Field.Store.NO));
                        }
                    }
                } else {
                    rule(d, group + "|r|" + key);
                }
            }
        }
    }

    static String group(int i) {
        return "g" + i;
    }

    static String areaSlot(int group, int area) {
        return group(group) + "|a" + area;
    }

    private static void rule(Document d, String term) {
        d.add(new StringField(RULES, term, Field.Store.NO));
    }
}
