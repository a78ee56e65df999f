package jp.tsunagari.catalogue.internal;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import jp.tsunagari.system.Localized;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads everything a program page shows, inside one read-only transaction, so that the view never touches a lazy
 * association (open-in-view is off). A published program's page is its header row (one statement, which also says
 * it is published and which version it is) and, when the search index holds that same version, the content the index
 * stores ({@link IndexedContent}): no other table is read. Otherwise — an index behind the database for a moment, or
 * being rebuilt — its collections are read from the database, batch-fetched: a fixed number of statements per page.
 */
@Service
@Transactional(readOnly = true)
public class ProgramPageLoader {

    private final ProgramRepository programs;
    private final Places places;
    private final IndexedContent indexed;
    private final EntityManager em;

    ProgramPageLoader(ProgramRepository programs, Places places, IndexedContent indexed, EntityManager em) {
        this.programs = programs;
        this.places = places;
        this.indexed = indexed;
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
        IndexedContent.Copy copy = indexed.of(Map.of(p.id(), p.version())).get(p.id());
        if (copy == null) {
            return Optional.empty();
        }
        Map<String, Prefecture> prefectures = new HashMap<>();
        copy.content().examples().forEach(e -> places.prefecture(e.prefectureCode())
                .ifPresent(pref -> prefectures.put(pref.code(), pref)));
        em.detach(p);
        p.show(copy.content(), prefectures, copy.audiences());
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
