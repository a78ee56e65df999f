package jp.tsunagari.catalogue.internal;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.tsunagari.eligibility.Criterion;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.Localized;
import org.hibernate.Hibernate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads everything a program page shows, inside one read-only transaction, so that the view never touches a lazy
 * association (open-in-view is off). Nested collections are batch-fetched: a fixed number of statements per page.
 */
@Service
@Transactional(readOnly = true)
public class ProgramPageLoader {

    private final ProgramRepository programs;
    private final Places places;

    ProgramPageLoader(ProgramRepository programs, Places places) {
        this.programs = programs;
        this.places = places;
    }

    /** A published program with all its parts and the names of the places its criteria mention. */
    public record Details(Program program, Map<String, Localized> areaNames) {
    }

    public Optional<Details> published(long id) {
        return programs.findPublishedWithHeader(id).map(this::details);
    }

    /** Any program, published or not (staff only). */
    public Optional<Details> any(long id) {
        return programs.findWithHeader(id).map(this::details);
    }

    Details details(Program p) {
        loadParts(p);
        var codes = p.targetGroups().stream().flatMap(g -> g.criteria().stream())
                .flatMap((Criterion c) -> c.areas().stream()).collect(Collectors.toSet());
        return new Details(p, places.namesOf(codes));
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
