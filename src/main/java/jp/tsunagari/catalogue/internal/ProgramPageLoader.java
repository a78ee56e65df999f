package jp.tsunagari.catalogue.internal;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.tsunagari.catalogue.IndexedPages;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.SearchSource;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.system.Localized;
import org.hibernate.Hibernate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads everything a program page shows, inside one read-only transaction, so that the view never touches a lazy
 * association (open-in-view is off). A published program's page is its header row (one statement, which also says
 * it is published and which version it is) and, when the search index holds that same version, the content the index
 * stores ({@link IndexedPages}): no other table is read. Otherwise — an index behind the database for a moment, or
 * being rebuilt — its collections are read from the database, batch-fetched: a fixed number of statements per page.
 */
@Service
@Transactional(readOnly = true)
public class ProgramPageLoader {

    private static final Logger log = LoggerFactory.getLogger(ProgramPageLoader.class);

    private final ProgramRepository programs;
    private final Places places;
    private final IndexedPages indexed;
    private final JsonMapper json;
    private final EntityManager em;

    ProgramPageLoader(ProgramRepository programs, Places places, IndexedPages indexed, JsonMapper json,
                      EntityManager em) {
        this.programs = programs;
        this.places = places;
        this.indexed = indexed;
        this.json = json;
        this.em = em;
    }

    /** A published program with all its parts and the names of the places its criteria mention. */
    public record Details(Program program, Map<String, Localized> areaNames) {
    }

    public Optional<Details> published(long id) {
        return programs.findPublishedWithHeader(id).map(p -> fromIndex(p).orElseGet(() -> details(p)));
    }

    /** Any program, published or not, read from the database (staff only). */
    public Optional<Details> any(long id) {
        return programs.findWithHeader(id).map(this::details);
    }

    /** The program's page with the content the index stores, if the index holds this version of it. */
    private Optional<Details> fromIndex(Program p) {
        SearchSource.Page page = indexed.pages(List.of(p.id())).get(p.id());
        if (page == null || page.version() != p.version()) {
            return Optional.empty();
        }
        ProgramContent content;
        try {
            content = json.readValue(page.json(), ProgramContent.class);
        } catch (JacksonException e) {
            log.warn("The index's copy of program {} version {} could not be read ({}); reading the database",
                    p.id(), p.version(), e.getOriginalMessage());
            return Optional.empty();
        }
        Map<String, Prefecture> prefectures = new HashMap<>();
        content.examples().forEach(e -> places.prefecture(e.prefectureCode())
                .ifPresent(pref -> prefectures.put(pref.code(), pref)));
        em.detach(p);
        p.show(content, prefectures, page.audiences());
        return Optional.of(new Details(p, places.namesOf(areaCodes(p))));
    }

    Details details(Program p) {
        loadParts(p);
        return new Details(p, places.namesOf(areaCodes(p)));
    }

    private static java.util.Set<String> areaCodes(Program p) {
        return p.targetGroups().stream().flatMap(g -> g.criteria().stream())
                .flatMap((Criterion c) -> c.areas().stream()).collect(Collectors.toSet());
    }

    public static void loadParts(Program p) {
        Hibernate.initialize(p.sections());
        p.sections().forEach(s -> Hibernate.initialize(s.items()));
        Hibernate.initialize(p.metrics());
        Hibernate.initialize(p.examples());
        p.examples().forEach(e -> Hibernate.initialize(e.prefecture()));
        Hibernate.initialize(p.targetGroups());
        p.targetGroups().forEach(g -> Hibernate.initialize(g.criteria()));
        Hibernate.initialize(p.dataNotes());
        Hibernate.initialize(p.requiredDocuments());
        Hibernate.initialize(p.periods());
        Hibernate.initialize(p.audiences());
    }
}
