package jp.tsunagari.search;

import java.time.LocalDate;
import java.util.List;
import jp.tsunagari.catalogue.Acceptance;
import jp.tsunagari.catalogue.Lifecycle;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.eligibility.Areas;
import jp.tsunagari.eligibility.Audience;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * What the index holds for one published program: its id (stored, sortable, and as a term for updates), the name for
 * an exact match, the name and all its text analysed two ways (Kuromoji words and normalised bigrams), one term and
 * one doc value per facet value, the sort keys, and its target groups for the eligibility lookup ({@link EligibilityFields}).
 */
final class ProgramDocuments {

    static final String ID = "id";
    static final String ID_KEY = "id_key";
    static final String NAME_EXACT = "name_exact";
    static final String SOURCE_ORDER = "sort_source";
    static final String KANA = "sort_kana";
    static final String START = "sort_start";
    static final String REACH = "sort_reach";
    /** The day (epoch day) the program's open or next 受付期間 ends; {@link Long#MAX_VALUE} when none. */
    static final String DEADLINE = "sort_deadline";
    /** When the public content last changed (epoch milliseconds): points and a doc value, for the feeds' order. */
    static final String PUBLISHED = "sort_published";
    /** The program's version and its content as JSON, stored only ({@link jp.tsunagari.catalogue.IndexedPages}). */
    static final String PAGE_VERSION = "page_version";
    static final String PAGE = "page";
    static final String PAGE_AUDIENCES = "page_audiences";
    /**
     * The organizations that maintain the program (6-digit codes: {@link jp.tsunagari.catalogue.Maintainers}), one
     * term each, neither stored nor a doc value: what an organization editor's overview counts ({@link Coverage}).
     */
    static final String MAINTAINER = "maintainer";
    /**
     * The version of what a document holds and how it is analysed: raise it with any change to the fields, their
     * analysers or {@link EligibilityFields}, so an index kept on disk from an earlier version is built anew.
     * 4: Lucene 10 (its Kuromoji may cut words otherwise than 9.12's did: an index of 9.12 is not reused).
     * 5: each document stores its program's page (content as JSON, with the version). 6: and its audience tags.
     * 7: the confirmed dimension, and each program's maintaining organizations as terms ({@link #MAINTAINER}; an
     * index of 6 has neither, so an organization editor's overview would count nothing on it).
     */
    static final int MAPPING = 7;
    static final List<String> DIMENSIONS = List.of("category", "region", "pref", "audience", "channel", "status",
            "accepting", "confirmed");
    /** The one value of the confirmed dimension: confirmed within {@code catalogue.freshness.notice-after}. */
    static final String RECENT = "recent";
    /** The values of the accepting dimension: 受付中, 受付前, 受付終了 (programs without 受付期間 have none). */
    static final List<Acceptance> ACCEPTING = List.of(Acceptance.NOW, Acceptance.SOON, Acceptance.CLOSED);

    private ProgramDocuments() {
    }

    /**
     * {@code today} (in Japan) decides the status and 受付状況 values and the deadline: the index is refreshed for
     * the programs with dates when the day changes ({@link ProgramIndex}).
     */
    static Document of(SearchSource s, Areas areas, LocalDate today) {
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
        s.maintainers().forEach(m -> d.add(new StringField(MAINTAINER, m, Field.Store.NO)));
        s.audiences().forEach(a -> facet(d, "audience", a.code()));
        facet(d, "channel", Codes.channel(s.channel()));
        Acceptance acceptance = s.acceptance(today);
        facet(d, "status", Codes.status(acceptance == Acceptance.ENDED ? Lifecycle.ENDED : s.lifecycle()));
        if (ACCEPTING.contains(acceptance)) {
            facet(d, "accepting", acceptance.code());
        }
        if (s.confirmedRecently(today)) {
            facet(d, "confirmed", RECENT);
        }
        LocalDate deadline = Acceptance.deadline(s.lifecycle(), s.schedule(), today);
        d.add(new NumericDocValuesField(DEADLINE, deadline == null ? Long.MAX_VALUE : deadline.toEpochDay()));
        d.add(new NumericDocValuesField(SOURCE_ORDER, s.sourceOrder() == null ? Integer.MAX_VALUE : s.sourceOrder()));
        d.add(new SortedDocValuesField(KANA, new BytesRef(s.nameKana())));
        d.add(new NumericDocValuesField(START, s.startYearMonth() == null ? 0 : s.startYearMonth()));
        d.add(new NumericDocValuesField(REACH, s.reach() == null ? -1 : s.reach()));
        long published = s.published() == null ? 0 : s.published().toEpochMilli();
        d.add(new LongPoint(PUBLISHED, published));
        d.add(new NumericDocValuesField(PUBLISHED, published));
        EligibilityFields.add(d, s.groups(), areas);
        d.add(new StoredField(PAGE_VERSION, s.page().version()));
        d.add(new StoredField(PAGE, s.page().json()));
        d.add(new StoredField(PAGE_AUDIENCES, String.join(",", s.page().audiences().stream().map(Audience::code)
                .sorted().toList())));
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
