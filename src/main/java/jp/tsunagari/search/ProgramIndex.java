package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
import jp.tsunagari.system.PageCache;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The in-memory Lucene index of published programs, one per app instance. It is built from the database at start-up
 * and follows the database's change marker: at once after a change committed by this instance, and within
 * {@code catalogue.search.refresh-ms} (default 2 s) after a change committed by another instance. A change to some
 * programs updates only their documents (the marker's log says which); a wider change (category or place names) or
 * a gap in the log rebuilds the whole index, while searches go on on the previous one.
 */
@Component
class ProgramIndex {

    private static final Logger log = LoggerFactory.getLogger(ProgramIndex.class);

    static final String ID = "id";
    static final String ID_KEY = "id_key";
    static final String NAME_EXACT = "name_exact";
    static final String SOURCE_ORDER = "sort_source";
    static final String KANA = "sort_kana";
    static final String START = "sort_start";
    static final String REACH = "sort_reach";
    static final List<String> DIMENSIONS = List.of("category", "region", "pref", "audience", "channel", "status");

    /** An index as built from one value of the change marker. */
    record Snapshot(IndexSearcher searcher, long marker, Instant builtAt, int documents, Duration buildTime) {
    }

    private final SearchSources sources;
    private final ChangeMarker marker;
    private final Places places;
    private final PageCache pages;
    private final Analyzer analyzer = Analyzers.perField();
    private volatile Snapshot snapshot;
    /** The writer of the current index (guarded by this): incremental updates go through it. */
    private IndexWriter writer;

    ProgramIndex(SearchSources sources, ChangeMarker marker, Places places, PageCache pages) {
        this.sources = sources;
        this.marker = marker;
        this.places = places;
        this.pages = pages;
    }

    Analyzer analyzer() {
        return analyzer;
    }

    /** The index as it is now, without building one (null before the first build). */
    Snapshot current() {
        return snapshot;
    }

    Snapshot snapshot() {
        Snapshot s = snapshot;
        return s != null ? s : refresh();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        refresh();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onLocalChange(ChangeMarker.CatalogueChanged changed) {
        refresh();
    }

    @Scheduled(fixedDelayString = "${catalogue.search.refresh-ms:2000}", initialDelayString = "${catalogue.search.refresh-ms:2000}")
    void refreshIfChanged() {
        Snapshot s = snapshot;
        if (s != null && marker.current() != s.marker()) {
            refresh();
        }
    }

    /**
     * Brings the index up to the marker: nothing to do if it is there already (a change may have been applied by
     * another caller while this one waited), only the changed programs if the log names them, else everything.
     */
    synchronized Snapshot refresh() {
        long to = marker.current();
        Snapshot s = snapshot;
        if (s != null && s.marker() == to) {
            return s;
        }
        Optional<Set<Long>> changed = s == null || writer == null ? Optional.empty() : marker.changesSince(s.marker(), to);
        return changed.isPresent() ? update(changed.get(), to) : rebuild();
    }

    /** Reads every published program again into a new index. */
    synchronized Snapshot rebuild() {
        long started = System.nanoTime();
        long from = marker.current();
        places.refresh();
        IndexWriter built = newWriter();
        int[] documents = {0};
        try {
            sources.eachPublished(source -> {
                add(built, source);
                documents[0]++;
            });
            built.commit();
            Snapshot next = new Snapshot(new IndexSearcher(DirectoryReader.open(built.getDirectory())), from,
                    Instant.now(), documents[0], Duration.ofNanos(System.nanoTime() - started));
            IndexWriter previous = writer;
            writer = built;
            swap(next);
            close(previous);
            log.info("Search index built: {} programs in {} ms (change marker {})", next.documents(),
                    next.buildTime().toMillis(), from);
            return next;
        } catch (IOException e) {
            close(built);
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the documents of the changed programs (removing those no longer published). */
    private Snapshot update(Set<Long> ids, long to) {
        long started = System.nanoTime();
        try {
            for (Long id : ids) {
                writer.deleteDocuments(new Term(ID_KEY, Long.toString(id)));
            }
            sources.eachPublished(List.copyOf(ids), source -> add(writer, source));
            writer.commit();
            Snapshot previous = snapshot;
            DirectoryReader reader = DirectoryReader.openIfChanged((DirectoryReader) previous.searcher().getIndexReader());
            IndexSearcher searcher = reader == null ? previous.searcher() : new IndexSearcher(reader);
            Snapshot next = new Snapshot(searcher, to, Instant.now(), searcher.getIndexReader().numDocs(),
                    Duration.ofNanos(System.nanoTime() - started));
            swap(next);
            log.info("Search index updated: {} changed programs in {} ms (change marker {}, {} programs)", ids.size(),
                    next.buildTime().toMillis(), to, next.documents());
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void swap(Snapshot next) {
        snapshot = next;
        if (pages != null) {
            pages.invalidate();
        }
    }

    private IndexWriter newWriter() {
        try {
            return new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(IndexWriter writer, SearchSource source) {
        try {
            writer.addDocument(document(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(IndexWriter w) {
        if (w != null) {
            try {
                w.close();
            } catch (IOException | RuntimeException e) {
                log.warn("Closing a replaced index writer failed: {}", e.toString());
            }
        }
    }

    /** Builds an index of {@code published} in one go (for measurements; the app builds with {@link #rebuild}). */
    static Snapshot build(List<SearchSource> published, Analyzer analyzer, long from, long started) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (SearchSource source : published) {
                writer.addDocument(document(source));
            }
            writer.commit();
            IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
            return new Snapshot(searcher, from, Instant.now(), published.size(),
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(SearchSource s) {
        Document d = new Document();
        d.add(new StoredField(ID, s.id()));
        d.add(new NumericDocValuesField(ID, s.id()));
        d.add(new StringField(ID_KEY, Long.toString(s.id()), Field.Store.NO));
        d.add(new StringField(NAME_EXACT, exact(s.name()), Field.Store.NO));
        d.add(new TextField(Analyzers.NAME_JA, s.name(), Field.Store.NO));
        d.add(new TextField(Analyzers.NAME_BI, TextNormalizer.normalize(s.name() + "\n" + s.nameKana()), Field.Store.NO));
        String body = String.join("\n", s.texts()) + "\n" + String.join("\n", s.placeNames());
        d.add(new TextField(Analyzers.BODY_JA, body, Field.Store.NO));
        d.add(new TextField(Analyzers.BODY_BI, TextNormalizer.normalize(body), Field.Store.NO));
        facet(d, "category", s.categoryCode());
        s.regionCodes().forEach(r -> facet(d, "region", r));
        s.prefectureCodes().forEach(p -> facet(d, "pref", p));
        s.audiences().forEach(a -> facet(d, "audience", a.code()));
        facet(d, "channel", Codes.channel(s.channel()));
        facet(d, "status", Codes.status(s.lifecycle()));
        d.add(new NumericDocValuesField(SOURCE_ORDER, s.sourceOrder() == null ? Integer.MAX_VALUE : s.sourceOrder()));
        d.add(new SortedDocValuesField(KANA, new BytesRef(s.nameKana())));
        d.add(new NumericDocValuesField(START, s.startYearMonth() == null ? 0 : s.startYearMonth()));
        d.add(new NumericDocValuesField(REACH, s.reach() == null ? -1 : s.reach()));
        return d;
    }

    private static void facet(Document d, String dimension, String value) {
        d.add(new StringField(dimension, value, Field.Store.NO));
        d.add(new SortedSetDocValuesField(dimension, new BytesRef(value)));
    }

    /** The form of a whole name compared for an exact match: normalised, without spaces. */
    static String exact(String name) {
        return TextNormalizer.normalize(name).replaceAll("\\s+", "");
    }
}
