package jp.tsunagari.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.tsunagari.eligibility.Verdict;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

/**
 * One pass over the index, a window of {@value Formula#WINDOW} documents at a time, all in bit sets: the programs
 * that pass the filters (live ones only), split into 該当 (in the eligible set), 要確認 (in the possible set, not the
 * eligible one) and 非該当; each verdict counted in all and per facet value (a value's programs are its postings; a
 * dimension is counted under the other dimensions' filters). For the verdicts listed, the first programs in source
 * order are kept (a bounded heap each). Memory is fixed by the formulas and the facet values, not by the catalogue's
 * size.
 */
final class VerdictCount {

    /** Counts, and per verdict listed its first programs in source order (ids). */
    record Counted(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets,
                   Map<Verdict, List<Long>> first) {
    }

    /** A segment's documents of every formula, and its doc values. */
    private record LeafDocs(Formula.Leaf eligible, Formula.Leaf possible, Formula.Leaf all,
                            Map<String, Formula.Leaf> without, Map<String, Map<String, Formula.Leaf>> values,
                            Bits live, NumericDocValues order, NumericDocValues ids, int maxDoc) {
    }

    private static final Verdict[] VERDICTS = Verdict.values();

    private final Formula eligible;
    private final Formula possible;
    private final Formula all;
    private final Map<String, Formula> without = new HashMap<>();
    private final long[] totals = new long[VERDICTS.length];
    private final Map<String, Map<String, long[]>> byValue = new LinkedHashMap<>();
    private final List<FirstInOrder> firsts = new ArrayList<>();
    private final FixedBitSet base = new FixedBitSet(Formula.WINDOW);
    private final FixedBitSet[] split = windows();
    private final FixedBitSet[] dimensionSplit = windows();

    private VerdictCount(Map<String, Set<String>> filters, Formula eligible, Formula possible, Set<Verdict> listed,
                         int first) {
        this.eligible = eligible;
        this.possible = possible;
        this.all = filter(filters, null);
        for (String d : EligibilityLookup.DIMENSIONS) {
            byValue.put(d, new HashMap<>());
            without.put(d, values(filters, d).isEmpty() ? all : filter(filters, d));
        }
        for (Verdict v : VERDICTS) {
            firsts.add(listed.contains(v) && first > 0 ? new FirstInOrder(first) : null);
        }
    }

    /** {@code filters}: selected values per dimension; the first {@code first} programs of each verdict listed. */
    static Counted count(IndexSearcher searcher, Map<String, Set<String>> filters, Formula eligible, Formula possible,
                         Set<Verdict> listed, int first) throws IOException {
        VerdictCount count = new VerdictCount(filters, eligible, possible, listed, first);
        for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            count.add(count.docs(context.reader()));
        }
        return count.result();
    }

    private LeafDocs docs(LeafReader reader) throws IOException {
        Formula.Leaf allDocs = Formula.leaf(all, reader);
        Map<String, Formula.Leaf> withoutDocs = new HashMap<>();
        Map<String, Map<String, Formula.Leaf>> valueDocs = new LinkedHashMap<>();
        for (String d : EligibilityLookup.DIMENSIONS) {
            withoutDocs.put(d, without.get(d) == all ? allDocs : Formula.leaf(without.get(d), reader));
            Map<String, Formula.Leaf> docs = new LinkedHashMap<>();
            for (String value : terms(reader, d)) {
                docs.put(value, Formula.leaf(Formula.anyTerm(d, List.of(value)), reader));
            }
            valueDocs.put(d, docs);
        }
        return new LeafDocs(Formula.leaf(eligible, reader), Formula.leaf(possible, reader), allDocs, withoutDocs,
                valueDocs, reader.getLiveDocs(), DocValues.getNumeric(reader, ProgramDocuments.SOURCE_ORDER),
                DocValues.getNumeric(reader, ProgramDocuments.ID), reader.maxDoc());
    }

    private void add(LeafDocs docs) throws IOException {
        for (int start = 0; start < docs.maxDoc(); start += Formula.WINDOW) {
            addWindow(docs, start);
        }
    }

    private void addWindow(LeafDocs docs, int start) throws IOException {
        FixedBitSet e = docs.eligible().window(start);
        FixedBitSet p = docs.possible().window(start);
        live(base, docs.all().window(start), docs.live(), start);
        split(base, e, p, split);
        for (int v = 0; v < VERDICTS.length; v++) {
            totals[v] += split[v].cardinality();
            FirstInOrder list = firsts.get(v);
            if (list != null) {
                offer(split[v], start, docs.order(), docs.ids(), list);
            }
        }
        for (String d : EligibilityLookup.DIMENSIONS) {
            FixedBitSet[] counted = split;
            if (without.get(d) != all) {
                live(base, docs.without().get(d).window(start), docs.live(), start);
                split(base, e, p, dimensionSplit);
                counted = dimensionSplit;
            }
            countValues(docs.values().get(d), start, counted, byValue.get(d));
        }
    }

    private Counted result() {
        Map<Verdict, Long> total = new EnumMap<>(Verdict.class);
        Map<Verdict, List<Long>> lists = new EnumMap<>(Verdict.class);
        for (Verdict v : VERDICTS) {
            total.put(v, totals[v.ordinal()]);
            if (firsts.get(v.ordinal()) != null) {
                lists.put(v, firsts.get(v.ordinal()).ids());
            }
        }
        Map<String, Map<String, Map<Verdict, Long>>> facets = new LinkedHashMap<>();
        byValue.forEach((dimension, values) -> {
            Map<String, Map<Verdict, Long>> counts = new HashMap<>();
            values.forEach((value, per) -> {
                Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
                for (Verdict v : VERDICTS) {
                    m.put(v, per[v.ordinal()]);
                }
                counts.put(value, m);
            });
            facets.put(dimension, counts);
        });
        return new Counted(total, facets, lists);
    }

    private static FixedBitSet[] windows() {
        return new FixedBitSet[] {new FixedBitSet(Formula.WINDOW), new FixedBitSet(Formula.WINDOW),
                new FixedBitSet(Formula.WINDOW)};
    }

    private static Set<String> values(Map<String, Set<String>> filters, String dimension) {
        return filters.getOrDefault(dimension, Set.of());
    }

    /** Every dimension's selection, except {@code without}'s: the programs with one of the values of each. */
    private static Formula filter(Map<String, Set<String>> filters, String without) {
        List<Formula> parts = new ArrayList<>();
        for (String dimension : EligibilityLookup.FILTERED) {
            Set<String> values = values(filters, dimension);
            if (!dimension.equals(without) && !values.isEmpty()) {
                parts.add(Formula.anyTerm(dimension, List.copyOf(new TreeSet<>(values))));
            }
        }
        return Formula.and(parts);
    }

    /** Adds, per facet value, how many of the window's programs of each verdict carry it. */
    private static void countValues(Map<String, Formula.Leaf> values, int start, FixedBitSet[] verdicts,
                                    Map<String, long[]> counts) {
        for (Map.Entry<String, Formula.Leaf> value : values.entrySet()) {
            FixedBitSet bits = value.getValue().window(start);
            long[] per = counts.computeIfAbsent(value.getKey(), k -> new long[verdicts.length]);
            for (int v = 0; v < verdicts.length; v++) {
                per[v] += FixedBitSet.intersectionCount(bits, verdicts[v]);
            }
        }
    }

    /** {@code into} = the window's documents of {@code docs} that are not deleted. */
    private static void live(FixedBitSet into, FixedBitSet docs, Bits live, int start) {
        into.clear();
        into.or(docs);
        if (live != null) {
            for (int i = into.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS; i = i + 1 < Formula.WINDOW
                    ? into.nextSetBit(i + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                if (!live.get(start + i)) {
                    into.clear(i);
                }
            }
        }
    }

    /** 該当 = base ∧ eligible, 要確認 = base ∧ possible ∧ ¬eligible, 非該当 = base ∧ ¬possible. */
    private static void split(FixedBitSet base, FixedBitSet eligible, FixedBitSet possible, FixedBitSet[] into) {
        for (FixedBitSet b : into) {
            b.clear();
            b.or(base);
        }
        into[0].and(eligible);
        into[1].and(possible);
        into[1].andNot(eligible);
        into[2].andNot(possible);
    }

    private static void offer(FixedBitSet docs, int start, NumericDocValues order, NumericDocValues ids,
                              FirstInOrder list) throws IOException {
        for (int i = docs.nextSetBit(0); i != DocIdSetIterator.NO_MORE_DOCS; i = i + 1 < Formula.WINDOW
                ? docs.nextSetBit(i + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            int doc = start + i;
            long o = order.advanceExact(doc) ? order.longValue() : Long.MAX_VALUE;
            if (list.wants(o)) {
                list.offer(o, ids.advanceExact(doc) ? ids.longValue() : 0);
            }
        }
    }

    /** The values of a facet dimension in one segment. */
    private static List<String> terms(LeafReader reader, String field) throws IOException {
        List<String> values = new ArrayList<>();
        Terms terms = reader.terms(field);
        if (terms != null) {
            TermsEnum e = terms.iterator();
            for (BytesRef t = e.next(); t != null; t = e.next()) {
                values.add(t.utf8ToString());
            }
        }
        return values;
    }
}
