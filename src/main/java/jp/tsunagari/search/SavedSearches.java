package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.ScoreDoc;
import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Searches kept for later (e-mail alerts): a /programs query in one canonical form (its text and filters as a query
 * string, values sorted, no sort or page), described in words, and matched against a set of changed programs. Matching
 * never runs the saved searches over the catalogue: the changed programs' facet values are read once from the index
 * ({@link Changes}), a search's filters are then checked against them as bit sets, and only a search with text whose
 * filters let some changed program through is run, restricted to those programs.
 */
@Service
public class SavedSearches {

    private final DiscoveryFilters filters;
    private final ProgramSearch search;
    private final ProgramIndex index;
    private final SearchLabels labels;

    SavedSearches(DiscoveryFilters filters, ProgramSearch search, ProgramIndex index, SearchLabels labels) {
        this.filters = filters;
        this.search = search;
        this.index = index;
        this.labels = labels;
    }

    /** A query as kept: its canonical form (empty: every program), and the parameters that could not be used. */
    public record Saved(String conditions, List<DiscoveryFilters.Problem> problems) {
    }

    /** The canonical form of a list's parameters (sort and page are not part of it). */
    public Saved save(DiscoveryFilters.Form form) {
        DiscoveryFilters.Parsed parsed = filters.parse(form);
        List<DiscoveryFilters.Problem> problems = parsed.problems().stream()
                .filter(p -> !"page".equals(p.field()) && !"sort".equals(p.field())).toList();
        return new Saved(canonical(parsed.query()), problems);
    }

    /** The filters of a kept query in words ({@code q}, {@code category} … with display names). */
    public List<Discovery.Filter> describe(String conditions, Locale locale) {
        DiscoveryQuery q = read(conditions);
        List<Discovery.Filter> words = new ArrayList<>();
        if (q.hasText()) {
            words.add(new Discovery.Filter("q", q.text()));
        }
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            new TreeSet<>(q.chosen(dimension)).forEach(v -> words.add(new Discovery.Filter(dimension,
                    labels.label(dimension, v, locale))));
        }
        if (q.includeEnded()) {
            words.add(new Discovery.Filter("ended", DiscoveryFilters.INCLUDE));
        }
        return List.copyOf(words);
    }

    /** The list page of a kept query ({@code /programs?…}). */
    public String listPath(String conditions) {
        return conditions.isEmpty() ? "/programs" : "/programs?" + conditions;
    }

    /** The changed programs, ready to be matched against any number of kept queries. */
    public Changes changes(Collection<Long> ids) {
        return new Changes(List.copyOf(new java.util.LinkedHashSet<>(ids)));
    }

    /**
     * The day's changed programs as the index holds them now (programs no longer published are not in it and match
     * nothing): per facet dimension and value, which of them have it.
     */
    public final class Changes {

        private final List<Long> ids;
        private final Map<String, Map<String, BitSet>> values = new HashMap<>();
        private final BitSet present = new BitSet();

        private Changes(List<Long> ids) {
            this.ids = ids;
            IndexSnapshot snapshot = index.acquire();
            try {
                IndexSearcher searcher = snapshot.searcher();
                Map<Long, Integer> position = new HashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    position.put(ids.get(i), i);
                }
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                for (ScoreDoc doc : searcher.search(idsQuery(ids), Math.max(1, ids.size())).scoreDocs) {
                    LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc.doc, leaves));
                    int local = doc.doc - leaf.docBase;
                    NumericDocValues id = DocValues.getNumeric(leaf.reader(), ProgramDocuments.ID);
                    if (!id.advanceExact(local)) {
                        continue;
                    }
                    int at = position.get(id.longValue());
                    present.set(at);
                    for (String dimension : ProgramDocuments.DIMENSIONS) {
                        SortedSetDocValues dv = DocValues.getSortedSet(leaf.reader(), dimension);
                        if (dv.advanceExact(local)) {
                            for (int k = 0; k < dv.docValueCount(); k++) {
                                String value = dv.lookupOrd(dv.nextOrd()).utf8ToString();
                                values.computeIfAbsent(dimension, d -> new HashMap<>())
                                        .computeIfAbsent(value, v -> new BitSet()).set(at);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                snapshot.release();
            }
        }

        /** How many of the changed programs are published now. */
        public int published() {
            return present.cardinality();
        }

        /** The changed programs a kept query finds now, in the order the changes were given. */
        public List<Long> matching(String conditions) {
            DiscoveryQuery q = read(conditions);
            BitSet candidates = (BitSet) present.clone();
            for (String dimension : ProgramDocuments.DIMENSIONS) {
                Set<String> wanted = q.values(dimension);
                if (wanted.isEmpty()) {
                    continue;
                }
                BitSet any = new BitSet();
                Map<String, BitSet> byValue = values.getOrDefault(dimension, Map.of());
                wanted.forEach(v -> {
                    BitSet has = byValue.get(v);
                    if (has != null) {
                        any.or(has);
                    }
                });
                candidates.and(any);
                if (candidates.isEmpty()) {
                    return List.of();
                }
            }
            List<Long> found = new ArrayList<>();
            candidates.stream().forEach(i -> found.add(ids.get(i)));
            if (!q.hasText()) {
                return found;
            }
            Set<Long> withText = among(q, found);
            return found.stream().filter(withText::contains).toList();
        }
    }

    /** Those of {@code ids} the query finds now: the query with the ids as one more filter, never a pass over the index. */
    private Set<Long> among(DiscoveryQuery q, List<Long> ids) {
        IndexSnapshot snapshot = index.acquire();
        IndexSearcher searcher = snapshot.searcher();
        try {
            org.apache.lucene.search.Query main = new BooleanQuery.Builder().add(search.query(q), Occur.MUST)
                    .add(idsQuery(ids), Occur.FILTER).build();
            return new java.util.HashSet<>(ProgramSearch.ids(searcher, searcher.search(main, ids.size()).scoreDocs, 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            snapshot.release();
        }
    }

    /** The documents of these programs. */
    static org.apache.lucene.search.Query idsQuery(Collection<Long> ids) {
        return new TermInSetQuery(ProgramDocuments.ID_KEY, ids.stream().map(id -> new BytesRef(Long.toString(id))).toList());
    }

    /** A kept query as the list would read it (unusable values, which {@link #save} never keeps, left out). */
    DiscoveryQuery read(String conditions) {
        MultiValueMap<String, String> params = conditions == null || conditions.isEmpty() ? new LinkedMultiValueMap<>()
                : UriComponentsBuilder.fromUriString("/programs?" + conditions).build(true).getQueryParams();
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        params.forEach((k, v) -> decoded.put(k, v.stream().map(x -> x == null ? null
                : java.net.URLDecoder.decode(x, java.nio.charset.StandardCharsets.UTF_8)).toList()));
        DiscoveryFilters.Form form = new DiscoveryFilters.Form(first(decoded.get("q")), decoded.get("category"),
                decoded.get("region"), decoded.get("pref"), decoded.get("audience"), decoded.get("channel"),
                decoded.get("status"), decoded.get("accepting"), decoded.get("confirmed"), first(decoded.get("ended")),
                null, null);
        return filters.parse(form).query();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Text, then each dimension's values sorted, then {@code ended=include}: one string per distinct query. */
    static String canonical(DiscoveryQuery q) {
        UriComponentsBuilder b = UriComponentsBuilder.newInstance();
        if (q.hasText()) {
            b.queryParam("q", "{q}");
        }
        List<Object> vars = new ArrayList<>();
        if (q.hasText()) {
            vars.add(TextNormalizer.normalize(q.text()).strip().replaceAll("\\s+", " "));
        }
        for (String dimension : ProgramDocuments.DIMENSIONS) {
            for (String v : new TreeSet<>(q.chosen(dimension))) {
                b.queryParam(dimension, "{v" + vars.size() + "}");
                vars.add(v);
            }
        }
        if (q.includeEnded()) {
            b.queryParam("ended", DiscoveryFilters.INCLUDE);
        }
        String uri = b.encode().buildAndExpand(vars.toArray()).toUriString();
        return uri.startsWith("?") ? uri.substring(1) : uri;
    }
}
