package jp.tsunagari.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.catalogue.SearchSources;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.ChangeMarker;
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
 * and rebuilt whenever the database's change marker moves: at once after a change committed by this instance, and
 * within {@code catalogue.search.refresh-ms} (default 2 s) after a change committed by another instance.
 */
@Component
class ProgramIndex {

    private static final Logger log = LoggerFactory.getLogger(ProgramIndex.class);

    static final String ID = "id";
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
    private final Analyzer analyzer = Analyzers.perField();
    private volatile Snapshot snapshot;

    ProgramIndex(SearchSources sources, ChangeMarker marker, Places places) {
        this.sources = sources;
        this.marker = marker;
        this.places = places;
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
        return s != null ? s : rebuild();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        rebuild();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onLocalChange(ChangeMarker.CatalogueChanged changed) {
        places.refresh();
        rebuild();
    }

    @Scheduled(fixedDelayString = "${catalogue.search.refresh-ms:2000}", initialDelayString = "${catalogue.search.refresh-ms:2000}")
    void refreshIfChanged() {
        Snapshot s = snapshot;
        if (s != null && marker.current() != s.marker()) {
            places.refresh();
            rebuild();
        }
    }

    synchronized Snapshot rebuild() {
        long started = System.nanoTime();
        long from = marker.current();
        Snapshot built = build(sources.published(), analyzer, from, started);
        snapshot = built;
        log.info("Search index built: {} programs in {} ms (change marker {})", built.documents(),
                built.buildTime().toMillis(), from);
        return built;
    }

    /** Builds an index of {@code published} (reading from the database is the caller's part of the time). */
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
