package jp.tsunagari.catalogue.internal;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.place.Municipality;
import jp.tsunagari.place.Places;
import jp.tsunagari.place.Prefecture;
import org.springframework.stereotype.Component;

/**
 * Resolves the codes of a content (category, organizer, source document, example prefectures) to what a
 * {@link Program} refers to; an unknown code, or a municipality outside the organizer's prefecture, is an
 * {@link ProgramEditor.InvalidReference}.
 */
@Component
public class ProgramParts {

    private final Categories categories;
    private final SourceDocuments sources;
    private final Places places;
    private final EntityManager em;

    ProgramParts(Categories categories, SourceDocuments sources, Places places, EntityManager em) {
        this.categories = categories;
        this.sources = sources;
        this.places = places;
        this.em = em;
    }

    public Program.Parts resolve(ProgramContent c) {
        CategoryEntity category = categories.findById(c.categoryCode())
                .orElseThrow(() -> new ProgramEditor.InvalidReference("category " + c.categoryCode()));
        Prefecture prefecture = c.organizerPrefectureCode() == null ? null : prefecture(c.organizerPrefectureCode());
        Municipality municipality = null;
        if (c.organizerMunicipalityCode() != null) {
            municipality = places.municipality(c.organizerMunicipalityCode())
                    .filter(m -> prefecture != null && m.prefectureCode().equals(prefecture.code()))
                    .orElseThrow(() -> new ProgramEditor.InvalidReference("municipality " + c.organizerMunicipalityCode()));
        }
        SourceDocumentEntity source = c.sourceDocumentId() == null ? null : sources.findById(c.sourceDocumentId())
                .orElseThrow(() -> new ProgramEditor.InvalidReference("source " + c.sourceDocumentId()));
        Map<String, Prefecture> examplePrefectures = new HashMap<>();
        c.examples().forEach(e -> examplePrefectures.put(e.prefectureCode(), prefecture(e.prefectureCode())));
        return new Program.Parts(category, prefecture, municipality, source, examplePrefectures);
    }

    private Prefecture prefecture(String code) {
        if (places.prefecture(code).isEmpty()) {
            throw new ProgramEditor.InvalidReference("prefecture " + code);
        }
        return em.getReference(Prefecture.class, code);
    }
}
