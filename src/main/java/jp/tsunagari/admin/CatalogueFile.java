package jp.tsunagari.admin;

import java.time.LocalDate;
import java.util.List;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.PublicationStatus;

/**
 * The staff's full export (/admin/export) and one of the two import formats: every program with everything staff
 * can edit, its id and publication status; the categories and source documents they refer to. History, pending
 * drafts and staff accounts are not part of it. Field names follow {@link ProgramContent}; see docs/open-data.md.
 */
record CatalogueFile(String format, int formatVersion, List<CategoryEntry> categories, List<SourceEntry> sources,
                     List<ProgramEntry> programs) {

    static final String FORMAT = "tsunagari-catalogue";
    static final int VERSION = 1;

    CatalogueFile {
        categories = categories == null ? List.of() : List.copyOf(categories);
        sources = sources == null ? List.of() : List.copyOf(sources);
        programs = programs == null ? List.of() : List.copyOf(programs);
    }

    record CategoryEntry(String code, int number, String nameJa, String nameEn, String descriptionJa,
                         String descriptionEn) {
    }

    record SourceEntry(Integer id, String title, String series, String parts, LocalDate asOf, String asOfText) {
    }

    record ProgramEntry(Long id, PublicationStatus status, ProgramContent content) {
    }
}
