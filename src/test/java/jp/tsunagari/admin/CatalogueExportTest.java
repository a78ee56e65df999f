package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.tsunagari.catalogue.CategoryEditor;
import jp.tsunagari.catalogue.ProgramContent;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.ProgramValueReader;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The streamed full export (each test rolled back): the download is the same document as the catalogue built whole
 * in memory and written at once (what the export did before it streamed), at any batch size; programs spanning
 * several batches are each written once, in id order.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class CatalogueExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ProgramValueReader data;

    @Autowired
    CategoryEditor categories;

    @Autowired
    ProgramEditor editor;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManager em;

    /**
     * The catalogue as one {@link CatalogueFile} in memory, pretty-printed in one go, as the export was written before
     * it streamed. Programs are read through the editor (another loader than the export's) in id order.
     */
    String whole() {
        List<CatalogueFile.CategoryEntry> cats = categories.all().stream().map(c -> new CatalogueFile.CategoryEntry(
                c.code(), c.number(), c.nameJa(), c.nameEn(), c.descriptionJa(), c.descriptionEn())).toList();
        List<CatalogueFile.SourceEntry> sources = data.sources().values().stream().map(s ->
                new CatalogueFile.SourceEntry(s.id(), s.title(), s.series(), s.parts(), s.asOf(), s.asOfText()))
                .toList();
        List<CatalogueFile.ProgramEntry> programs = new ArrayList<>();
        for (long id : ids()) {
            ProgramEditor.Editable e = editor.editable(id).orElseThrow();
            assertThat(e.hasPendingDraft()).isFalse();
            programs.add(new CatalogueFile.ProgramEntry(e.id(), e.status(), e.content()));
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(new CatalogueFile(CatalogueFile.FORMAT,
                CatalogueFile.VERSION, cats, sources, programs));
    }

    List<Long> ids() {
        return jdbc.queryForList("select id from program order by id", Long.class);
    }

    String streamed(int batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CatalogueExport(data, categories, json, batch).write(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDownloadIsTheCatalogueWrittenWhole() throws Exception {
        String download = mvc.perform(get("/admin/export").with(user("ed").roles("EDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(content().encoding(StandardCharsets.UTF_8))
                .andExpect(header().string("Content-Disposition",
                        Matchers.matchesPattern("attachment; filename=\"tsunagari-catalogue-\\d{8}\\.json\"")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String whole = whole();
        assertThat(json.readTree(download)).isEqualTo(json.readTree(whole));
        assertThat(json.readTree(download).path("programs")).hasSize(15);
        // Byte for byte too: the pretty-printed layout is what staff see and edit before re-importing.
        assertThat(download).isEqualTo(whole);
    }

    @Test
    void programsSpanningSeveralBatchesAreEachWrittenOnceInIdOrder() {
        ProgramContent any = editor.editable(3).orElseThrow().content();
        editor.create(any.renamed("一括書き出しの確認1"), true, "test");
        editor.create(any.renamed("一括書き出しの確認2（下書き）"), false, "test");
        editor.create(any.renamed("一括書き出しの確認3"), true, "test");
        em.flush();
        List<Long> ids = ids();
        assertThat(ids).hasSize(18);
        String whole = whole();
        // One program a batch, batches of 4 (the last one short), of 6 (the last one full), all in one batch.
        for (int batch : new int[] {1, 4, 6, CatalogueExport.BATCH}) {
            String streamed = streamed(batch);
            List<Long> written = new ArrayList<>();
            json.readTree(streamed).path("programs").forEach(p -> written.add(p.path("id").asLong()));
            assertThat(written).as("batch %d", batch).containsExactlyElementsOf(ids);
            assertThat(streamed).as("batch %d", batch).isEqualTo(whole);
        }
    }
}
