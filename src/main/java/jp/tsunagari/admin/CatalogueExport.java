package jp.tsunagari.admin;

import java.io.OutputStream;
import java.util.List;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramValueReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff's full export ({@link CatalogueFile}, /admin/export) written as it is read: the categories and sources
 * first, then the programs in id order, {@value #BATCH} at a time ({@link ProgramValueReader#eachProgram}), each written
 * with the streaming generator as soon as it is loaded. Memory stays the same whatever the catalogue's size; the
 * document is the same, byte for byte, as {@link CatalogueFile} written whole with the default pretty printer (what
 * {@link CatalogueImport} reads).
 */
@Service
class CatalogueExport {

    /** Programs loaded per batch. */
    static final int BATCH = 500;

    private final ProgramValueReader data;
    private final CategoryEditor categories;
    private final JsonMapper json;
    private final int batch;

    @Autowired
    CatalogueExport(ProgramValueReader data, CategoryEditor categories, JsonMapper json) {
        this(data, categories, json, BATCH);
    }

    /** With another batch size (tests). */
    CatalogueExport(ProgramValueReader data, CategoryEditor categories, JsonMapper json, int batch) {
        this.data = data;
        this.categories = categories;
        this.json = json;
        this.batch = batch;
    }

    /**
     * Writes the whole catalogue to {@code out} (UTF-8) and closes it. One read-only transaction: categories, sources
     * and programs come from the same state of the database.
     */
    @Transactional(readOnly = true)
    void write(OutputStream out) {
        try (JsonGenerator g = json.writerWithDefaultPrettyPrinter().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("format", CatalogueFile.FORMAT);
            g.writeNumberProperty("formatVersion", CatalogueFile.VERSION);
            g.writePOJOProperty("categories", categories());
            g.writePOJOProperty("sources", sources());
            g.writeArrayPropertyStart("programs");
            data.eachProgram(batch, e -> g.writePOJO(new CatalogueFile.ProgramEntry(e.id(), e.status(), e.content())));
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private List<CatalogueFile.CategoryEntry> categories() {
        return categories.all().stream().map(c -> new CatalogueFile.CategoryEntry(c.code(), c.number(), c.nameJa(),
                c.nameEn(), c.descriptionJa(), c.descriptionEn())).toList();
    }

    private List<CatalogueFile.SourceEntry> sources() {
        return data.sources().values().stream().map(s -> new CatalogueFile.SourceEntry(s.id(), s.title(), s.series(),
                s.parts(), s.asOf(), s.asOfText())).toList();
    }
}
