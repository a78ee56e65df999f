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
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Turns a profile into two queries over {@link EligibilityFields}: <em>possible</em> matches the programs with a
 * group in which no hard criterion fails (該当 or 要確認), <em>eligible</em> those with a group in which every
 * criterion holds (該当). Each distinct {@link RuleKey} in the index is judged once by {@link EligibilityChecker}
 * (a few hundred at most, whatever the catalogue's size); an area criterion's outcome is taken from the checker for
 * each case — the place is inside its areas, too coarse to tell, or outside — and the case is told by the index.
 */
final class EligibilityQueries {

    static {
        // A catalogue with many groups per program and many distinct rules makes wide (but cheap) queries.
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 16_384));
    }

    private final EligibilityChecker checker;
    private volatile Rules rules;

    EligibilityQueries(EligibilityChecker checker) {
        this.checker = checker;
    }

    record Compiled(Query eligible, Query possible) {
    }

    /** A rule as the index holds it: its term, its group, and for an area criterion its slot ({@code g0|a1}). */
    private record Rule(String term, int group, String slot, Criterion prototype) {
    }

    /** The distinct rule terms of one index reader, read once from its terms dictionary. */
    private record Rules(IndexReader reader, int groups, List<Rule> rules) {
    }

    Compiled compile(IndexReader reader, Profile profile) {
        Rules r = rules(reader);
        Map<String, Outcome> memo = new HashMap<>();
        return new Compiled(query(r, profile, memo, false), query(r, profile, memo, true));
    }

    /**
     * Programs with a group that nothing in {@code profile} blocks: for <em>possible</em>, a hard criterion that
     * fails; otherwise any criterion that does not hold.
     */
    private Query query(Rules r, Profile profile, Map<String, Outcome> memo, boolean possible) {
        List<List<String>> blockingTerms = new ArrayList<>();
        List<List<Query>> blockingQueries = new ArrayList<>();
        for (int i = 0; i < r.groups(); i++) {
            blockingTerms.add(new ArrayList<>());
            blockingQueries.add(new ArrayList<>());
        }
        // Area rules by slot and by the place they read (in one slot, programs differ in what their criterion is).
        Map<String, List<Rule>> areaRulesBySlot = new TreeMap<>();
        for (Rule rule : r.rules()) {
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
        areaRulesBySlot.values().forEach(rules -> areaBlockers(rules.get(0).slot(), rules, profile, possible, blockingQueries));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int i = 0; i < r.groups(); i++) {
            BooleanQuery.Builder group = new BooleanQuery.Builder()
                    .add(term(EligibilityFields.RULES, EligibilityFields.group(i)), Occur.FILTER);
            if (!blockingTerms.get(i).isEmpty()) {
                group.add(terms(EligibilityFields.RULES, blockingTerms.get(i)), Occur.MUST_NOT);
            }
            blockingQueries.get(i).forEach(q -> group.add(q, Occur.MUST_NOT));
            any.add(group.build(), Occur.SHOULD);
        }
        return r.groups() == 0 ? new MatchNoDocsQuery() : new ConstantScoreQuery(any.build());
    }

    /**
     * For the area criteria in one slot that read the same place, those whose outcome blocks the group: the place is inside their areas
     * (one of the areas containing it), too coarse (a prefecture, for a municipality's criterion) or outside.
     */
    private void areaBlockers(String slot, List<Rule> rules, Profile profile, boolean possible,
                              List<List<Query>> blockers) {
        int group = rules.get(0).group();
        String place = RuleKey.placeFor(rules.get(0).prototype(), profile);
        List<String> insideTerms = checker.containing(place).stream().map(code -> slot + "|=" + code).toList();
        Query inside = terms(EligibilityFields.AREAS, insideTerms);
        Query coarse = place.length() == 2 ? term(EligibilityFields.AREAS, slot + "|~" + place) : null;
        List<String> whenInside = new ArrayList<>();
        List<String> whenCoarse = new ArrayList<>();
        List<String> whenOutside = new ArrayList<>();
        for (Rule rule : rules) {
            if (blocks(checker.outcomeInside(rule.prototype(), true), possible)) {
                whenInside.add(rule.term());
            }
            if (coarse != null && blocks(checker.outcomeInside(rule.prototype(), null), possible)) {
                whenCoarse.add(rule.term());
            }
            if (blocks(checker.outcomeInside(rule.prototype(), false), possible)) {
                whenOutside.add(rule.term());
            }
        }
        if (!whenInside.isEmpty()) {
            blockers.get(group).add(new BooleanQuery.Builder().add(terms(EligibilityFields.RULES, whenInside), Occur.FILTER)
                    .add(inside, Occur.FILTER).build());
        }
        if (!whenCoarse.isEmpty()) {
            blockers.get(group).add(new BooleanQuery.Builder().add(terms(EligibilityFields.RULES, whenCoarse), Occur.FILTER)
                    .add(coarse, Occur.FILTER).add(inside, Occur.MUST_NOT).build());
        }
        if (!whenOutside.isEmpty()) {
            BooleanQuery.Builder outside = new BooleanQuery.Builder()
                    .add(terms(EligibilityFields.RULES, whenOutside), Occur.FILTER).add(inside, Occur.MUST_NOT);
            if (coarse != null) {
                outside.add(coarse, Occur.MUST_NOT);
            }
            blockers.get(group).add(outside.build());
        }
    }

    private Outcome outcome(Rule rule, Profile profile, Map<String, Outcome> memo) {
        String key = rule.term().substring(rule.term().indexOf('|', rule.term().indexOf('|') + 1) + 1);
        return memo.computeIfAbsent(key, k -> checker.outcome(rule.prototype(), profile));
    }

    private static boolean blocks(Outcome o, boolean possible) {
        return possible ? o == Outcome.FAILS : o != Outcome.HOLDS;
    }

    private static Query term(String field, String text) {
        return new TermQuery(new Term(field, text));
    }

    private static Query terms(String field, List<String> texts) {
        return texts.size() == 1 ? term(field, texts.get(0))
                : new TermInSetQuery(field, texts.stream().map(BytesRef::new).toList());
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
            Criterion prototype = prototypes.computeIfAbsent(parts[2], k -> new RuleKey(k).prototype());
            String slot = parts[1].equals("r") ? null : parts[0] + "|" + parts[1];
            rules.add(new Rule(text, group, slot, prototype));
        }
        return new Rules(reader, groups, List.copyOf(rules));
    }
}
