package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tsunagari.eligibility.EligibilityChecker;
import jp.tsunagari.eligibility.Profile;
import jp.tsunagari.eligibility.Verdict;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.springframework.stereotype.Service;

/**
 * 「あなたが使える施策」 at any catalogue size: for a profile, which published programs are 該当, 要確認 or 非該当,
 * how many of each (per category, region and prefecture too), and one page of each list, from the search index —
 * without judging the programs one by one. {@link EligibilityQueries} turns the profile into two index queries with
 * the evaluator's own rules; the caller judges only the programs of the page, with reasons.
 */
@Service
public class EligibilityLookup {

    /** The facet dimensions the checker filters and counts by (names as on /programs). */
    public static final List<String> DIMENSIONS = List.of("category", "region", "pref");
    /** How deep a list can be paged (results); past this, filters narrow it. Bounds the memory of a request. */
    public static final int MAX_WINDOW = 10_000;

    private final ProgramIndex index;
    private final EligibilityQueries queries;

    EligibilityLookup(ProgramIndex index, EligibilityChecker checker) {
        this.index = index;
        this.queries = new EligibilityQueries(checker);
    }

    /** Part of a list: {@code size} programs from {@code from}, the programs of each verdict in turn (each in source order). */
    public record Slice(List<Verdict> verdicts, int from, int size) {

        public Slice(Verdict verdict, int from, int size) {
            this(List.of(verdict), from, size);
        }
    }

    /**
     * Per verdict the number of programs (under every filter); per dimension and value the number per verdict
     * (under the other dimensions' filters, so a count is what choosing the value gives); the ids of each slice.
     */
    public record Answer(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets,
                         List<List<Long>> slices) {

        public long total(Verdict v) {
            return totals.getOrDefault(v, 0L);
        }
    }

    /** {@code filters}: selected values per dimension of {@link #DIMENSIONS} (values of one dimension are alternatives). */
    public Answer find(Profile profile, Map<String, Set<String>> filters, List<Slice> slices) {
        ProgramIndex.Snapshot snapshot = index.acquire();
        try {
            IndexSearcher searcher = snapshot.searcher();
            EligibilityQueries.Compiled compiled = queries.compile(searcher.getIndexReader(), profile);
            Formula eligible = compiled.eligible();
            Formula possible = compiled.possible();
            // The lists come from the same pass: the first from + size programs of each verdict listed.
            int deepest = slices.stream().mapToInt(s -> Math.min(s.from() + s.size(), MAX_WINDOW)).max().orElse(0);
            Set<Verdict> listed = new java.util.HashSet<>();
            slices.forEach(s -> listed.addAll(s.verdicts()));
            Counted all = count(searcher, filters, eligible, possible, listed, deepest);
            Map<String, Map<String, Map<Verdict, Long>>> facets = all.facets();
            List<List<Long>> pages = new ArrayList<>();
            for (Slice slice : slices) {
                pages.add(slice(slice, all));
            }
            return new Answer(all.totals(), facets, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(snapshot);
        }
    }

    /** The slice's programs: from the first of its verdicts' lists on, the next verdict's after it. */
    private static List<Long> slice(Slice slice, Counted counted) {
        List<Long> ids = new ArrayList<>();
        long skip = slice.from();
        for (Verdict verdict : slice.verdicts()) {
            List<Long> first = counted.first().getOrDefault(verdict, List.of());
            long total = counted.totals().getOrDefault(verdict, 0L);
            for (long i = skip; i < first.size() && ids.size() < slice.size(); i++) {
                ids.add(first.get((int) i));
            }
            skip = Math.max(0, skip - total);
            if (ids.size() >= slice.size()) {
                break;
            }
        }
        return ids;
    }

    private static Set<String> values(Map<String, Set<String>> filters, String dimension) {
        return filters.getOrDefault(dimension, Set.of());
    }

    /** Every dimension's selection, except {@code without}'s: the programs with one of the values of each. */
    private static Formula filter(Map<String, Set<String>> filters, String without) {
        List<Formula> parts = new ArrayList<>();
        for (String dimension : DIMENSIONS) {
            Set<String> values = values(filters, dimension);
            if (!dimension.equals(without) && !values.isEmpty()) {
                parts.add(Formula.anyTerm(dimension, List.copyOf(new java.util.TreeSet<>(values))));
            }
        }
        return Formula.and(parts);
    }

    /** Counts, and per verdict listed its first programs in source order (ids). */
    private record Counted(Map<Verdict, Long> totals, Map<String, Map<String, Map<Verdict, Long>>> facets,
                           Map<Verdict, List<Long>> first) {
    }

    /**
     * One pass over the index, a window of {@value Formula#WINDOW} documents at a time, all in bit sets: the programs
     * that pass the filters (live ones only), split into 該当 (in the eligible set), 要確認 (in the possible set, not
     * the eligible one) and 非該当; each verdict counted in all and per facet value (a value's programs are its
     * postings; a dimension is counted under the other dimensions' filters). For the verdicts {@code listed}, the
     * first {@code first} programs in source order are kept (a bounded heap each). Memory is fixed by the formulas and
     * the facet values, not by the catalogue's size.
     */
    private static Counted count(IndexSearcher searcher, Map<String, Set<String>> filters, Formula eligible,
                                 Formula possible, Set<Verdict> listed, int first) throws IOException {
        Verdict[] verdicts = Verdict.values();
        long[] totals = new long[verdicts.length];
        Map<String, Map<String, long[]>> byValue = new LinkedHashMap<>();
        DIMENSIONS.forEach(d -> byValue.put(d, new HashMap<>()));
        List<FirstInOrder> firsts = new ArrayList<>();
        for (Verdict v : verdicts) {
            firsts.add(listed.contains(v) && first > 0 ? new FirstInOrder(first) : null);
        }
        Formula all = filter(filters, null);
        Map<String, Formula> without = new HashMap<>();
        DIMENSIONS.forEach(d -> without.put(d, values(filters, d).isEmpty() ? all : filter(filters, d)));
        FixedBitSet base = new FixedBitSet(Formula.WINDOW);
        FixedBitSet[] split = {new FixedBitSet(Formula.WINDOW), new FixedBitSet(Formula.WINDOW), new FixedBitSet(Formula.WINDOW)};
        FixedBitSet[] dimSplit = {new FixedBitSet(Formula.WINDOW), new FixedBitSet(Formula.WINDOW), new FixedBitSet(Formula.WINDOW)};
        for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            LeafReader reader = context.reader();
            Formula.Leaf eligibleDocs = Formula.leaf(eligible, reader);
            Formula.Leaf possibleDocs = Formula.leaf(possible, reader);
            Formula.Leaf allDocs = Formula.leaf(all, reader);
            Map<String, Formula.Leaf> withoutDocs = new HashMap<>();
            Map<String, Map<String, Formula.Leaf>> valueDocs = new LinkedHashMap<>();
            for (String d : DIMENSIONS) {
                withoutDocs.put(d, without.get(d) == all ? allDocs : Formula.leaf(without.get(d), reader));
                Map<String, Formula.Leaf> docs = new LinkedHashMap<>();
                for (String value : terms(reader, d)) {
                    docs.put(value, Formula.leaf(Formula.anyTerm(d, List.of(value)), reader));
                }
                valueDocs.put(d, docs);
            }
            Bits live = reader.getLiveDocs();
            NumericDocValues order = DocValues.getNumeric(reader, ProgramDocuments.SOURCE_ORDER);
            NumericDocValues ids = DocValues.getNumeric(reader, ProgramDocuments.ID);
            for (int start = 0; start < reader.maxDoc(); start += Formula.WINDOW) {
                FixedBitSet e = eligibleDocs.window(start);
                FixedBitSet p = possibleDocs.window(start);
                live(base, allDocs.window(start), live, start);
                split(base, e, p, split);
                for (int v = 0; v < verdicts.length; v++) {
                    totals[v] += split[v].cardinality();
                    FirstInOrder list = firsts.get(v);
                    if (list != null) {
                        offer(split[v], start, order, ids, list);
                    }
                }
                for (String d : DIMENSIONS) {
                    FixedBitSet[] counted = split;
                    if (without.get(d) != all) {
                        live(base, withoutDocs.get(d).window(start), live, start);
                        split(base, e, p, dimSplit);
                        counted = dimSplit;
                    }
                    countValues(valueDocs.get(d), start, counted, byValue.get(d));
                }
            }
        }
        Map<Verdict, Long> total = new EnumMap<>(Verdict.class);
        for (Verdict v : verdicts) {
            total.put(v, totals[v.ordinal()]);
        }
        Map<String, Map<String, Map<Verdict, Long>>> facets = new LinkedHashMap<>();
        byValue.forEach((dimension, values) -> {
            Map<String, Map<Verdict, Long>> counts = new HashMap<>();
            values.forEach((value, per) -> {
                Map<Verdict, Long> m = new EnumMap<>(Verdict.class);
                for (Verdict v : verdicts) {
                    m.put(v, per[v.ordinal()]);
                }
                counts.put(value, m);
            });
            facets.put(dimension, counts);
        });
        Map<Verdict, List<Long>> lists = new EnumMap<>(Verdict.class);
        for (Verdict v : verdicts) {
            if (firsts.get(v.ordinal()) != null) {
                lists.put(v, firsts.get(v.ordinal()).ids());
            }
        }
        return new Counted(total, facets, lists);
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
