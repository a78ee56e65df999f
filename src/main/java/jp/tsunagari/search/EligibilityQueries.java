package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Outcome;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.RuleKey;
import jp.tsunagari.eligibility.Validity;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a profile into two sets of programs ({@link Formula}s over the terms of {@link EligibilityFields}): <em>possible</em> matches the programs with a
 * group in which no hard criterion fails (該当 or 要確認), <em>eligible</em> those with a group in which every
 * criterion holds (該当). Each distinct {@link RuleKey} in the index is judged once by {@link EligibilityChecker}
 * (a few hundred at most, whatever the catalogue's size); an area criterion's outcome is taken from the checker for
 * each case — the place is inside its areas, too coarse to tell, or outside — and the case is told by the index.
 */
final class EligibilityQueries {

    private final EligibilityChecker checker;
    private volatile Rules rules;

    EligibilityQueries(EligibilityChecker checker) {
        this.checker = checker;
    }

    record Compiled(Formula eligible, Formula possible) {
    }

    /**
     * A rule as the index holds it: its term, its group, for an area criterion its slot ({@code g0|a1}), and for a
     * group's validity the days it covers (then no criterion).
     */
    private record Rule(String term, int group, String slot, Criterion prototype, Validity validity) {
    }

    /** The distinct rule terms of one index reader, read once from its terms dictionary. */
    private record Rules(IndexReader reader, int groups, List<Rule> rules) {
    }

    Compiled compile(IndexReader reader, Profile profile) {
        Rules r = rules(reader);
        Map<String, Outcome> memo = new HashMap<>();
        return new Compiled(formula(r, profile, memo, false), formula(r, profile, memo, true));
    }

    /**
     * Programs with a group that nothing in {@code profile} blocks: for <em>possible</em>, a hard criterion that
     * fails; otherwise any criterion that does not hold.
     */
    private Formula formula(Rules r, Profile profile, Map<String, Outcome> memo, boolean possible) {
        List<List<String>> blockingTerms = new ArrayList<>();
        List<List<Formula>> blockers = new ArrayList<>();
        for (int i = 0; i < r.groups(); i++) {
            blockingTerms.add(new ArrayList<>());
            blockers.add(new ArrayList<>());
        }
        // Area rules by slot and by the place they read (in one slot, programs differ in what their criterion is).
        Map<String, List<Rule>> areaRulesBySlot = new TreeMap<>();
        for (Rule rule : r.rules()) {
            if (rule.validity() != null) {
                // Rules not in force on the 申込日 block their group, for 要確認 as for 該当.
                if (!rule.validity().covers(profile.date())) {
                    blockingTerms.get(rule.group()).add(rule.term());
                }
                continue;
            }
            if (rule.slot() == null) {
                if (blocks(outcome(rule, profile, memo), possible)) {
                    blockingTerms.get(rule.group()).add(rule.term());
                }
                continue;
            }
            String place = RuleKey.placeFor(rule.prototype(), profile);
            if (place == null || Profile.ABROAD.equals(place)) {
                // Not given, or abroad: the outcome does not depend on the areas.
                if (blocks(outcome(rule, profile, memo), possible)) {
                    blockingTerms.get(rule.group()).add(rule.term());
                }
            } else {
                areaRulesBySlot.computeIfAbsent(rule.slot() + "|" + place, s -> new ArrayList<>()).add(rule);
            }
        }
        areaRulesBySlot.values().forEach(rules -> areaBlockers(rules.get(0).slot(), rules, profile, possible, blockers));
        List<Formula> groups = new ArrayList<>();
        for (int i = 0; i < r.groups(); i++) {
            List<Formula> blocking = new ArrayList<>(blockers.get(i));
            blocking.add(Formula.anyTerm(EligibilityFields.RULES, blockingTerms.get(i)));
            Formula group = Formula.anyTerm(EligibilityFields.RULES, List.of(EligibilityFields.group(i)));
            Formula blocked = Formula.or(blocking);
            groups.add(blocked == Formula.NONE ? group : new Formula.AndNot(group, blocked));
        }
        return Formula.or(groups);
    }

    /**
     * For the area criteria in one slot that read the same place, those whose outcome blocks the group: the place is
     * inside their areas (one of the areas containing it), too coarse (a prefecture, for a municipality's criterion)
     * or outside.
     */
    private void areaBlockers(String slot, List<Rule> rules, Profile profile, boolean possible,
                              List<List<Formula>> blockers) {
        int group = rules.get(0).group();
        String place = RuleKey.placeFor(rules.get(0).prototype(), profile);
        Formula inside = Formula.anyTerm(EligibilityFields.AREAS,
                checker.containing(place).stream().map(code -> slot + "|=" + code).toList());
        Formula coarse = place.length() == 2
                ? Formula.anyTerm(EligibilityFields.AREAS, List.of(slot + "|~" + place)) : Formula.NONE;
        List<String> whenInside = new ArrayList<>();
        List<String> whenCoarse = new ArrayList<>();
        List<String> whenOutside = new ArrayList<>();
        for (Rule rule : rules) {
            if (blocks(checker.outcomeInside(rule.prototype(), true), possible)) {
                whenInside.add(rule.term());
            }
            if (coarse != Formula.NONE && blocks(checker.outcomeInside(rule.prototype(), null), possible)) {
                whenCoarse.add(rule.term());
            }
            if (blocks(checker.outcomeInside(rule.prototype(), false), possible)) {
                whenOutside.add(rule.term());
            }
        }
        if (!whenInside.isEmpty()) {
            blockers.get(group).add(new Formula.And(Formula.anyTerm(EligibilityFields.RULES, whenInside), inside));
        }
        if (!whenCoarse.isEmpty()) {
            blockers.get(group).add(new Formula.AndNot(
                    new Formula.And(Formula.anyTerm(EligibilityFields.RULES, whenCoarse), coarse), inside));
        }
        if (!whenOutside.isEmpty()) {
            blockers.get(group).add(new Formula.AndNot(
                    new Formula.AndNot(Formula.anyTerm(EligibilityFields.RULES, whenOutside), inside), coarse));
        }
    }

    private Outcome outcome(Rule rule, Profile profile, Map<String, Outcome> memo) {
        String key = rule.term().substring(rule.term().indexOf('|', rule.term().indexOf('|') + 1) + 1);
        return memo.computeIfAbsent(key, k -> checker.outcome(rule.prototype(), profile));
    }

    private static boolean blocks(Outcome o, boolean possible) {
        return possible ? o == Outcome.FAILS : o != Outcome.HOLDS;
    }

    private Rules rules(IndexReader reader) {
        Rules r = rules;
        if (r != null && r.reader() == reader) {
            return r;
        }
        r = read(reader);
        rules = r;
        return r;
    }

    /** Reads the distinct rule terms (deleted documents may leave a few that match nothing: harmless). */
    private static Rules read(IndexReader reader) {
        TreeSet<String> texts = new TreeSet<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                Terms terms = leaf.reader().terms(EligibilityFields.RULES);
                if (terms == null) {
                    continue;
                }
                TermsEnum e = terms.iterator();
                for (BytesRef t = e.next(); t != null; t = e.next()) {
                    texts.add(t.utf8ToString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int groups = 0;
        List<Rule> rules = new ArrayList<>();
        Map<String, Criterion> prototypes = new HashMap<>();
        for (String text : texts) {
            String[] parts = text.split("\\|", 3);
            int group = Integer.parseInt(parts[0].substring(1));
            groups = Math.max(groups, group + 1);
            if (parts.length < 3) {
                continue;
            }
            if (parts[1].equals(EligibilityFields.VALIDITY)) {
                rules.add(new Rule(text, group, null, null, Validity.parse(parts[2])));
                continue;
            }
            Criterion prototype = prototypes.computeIfAbsent(parts[2], k -> new RuleKey(k).prototype());
            String slot = parts[1].equals("r") ? null : parts[0] + "|" + parts[1];
            rules.add(new Rule(text, group, slot, prototype, null));
        }
        return new Rules(reader, groups, List.copyOf(rules));
    }
}
