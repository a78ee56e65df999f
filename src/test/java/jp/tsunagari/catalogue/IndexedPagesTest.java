package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The program page and the checker's results read a program's content from the search index's stored copy when it
 * is of the program's current version; with the index's copy withheld or of another version they read the database.
 * Both ways must give the same page, for every seeded program (all the source's kinds of content).
 */
@SpringBootTest
@AutoConfigureMockMvc
class IndexedPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @MockitoSpyBean
    IndexedPages indexed;

    @AfterEach
    void realIndex() {
        reset(indexed);
    }

    List<Long> published() {
        return jdbc.queryForList("select id from program where status = 'PUBLISHED' order by id", Long.class);
    }

    @Test
    void theIndexHoldsEveryPublishedProgramAtItsCurrentVersion() {
        List<Long> ids = published();
        Map<Long, SearchSource.Page> pages = indexed.pages(ids);
        assertThat(pages).hasSize(ids.size());
        for (Long id : ids) {
            long version = jdbc.queryForObject("select version from program where id = ?", Long.class, id);
            assertThat(pages.get(id).version()).as("version of %d", id).isEqualTo(version);
            assertThat(pages.get(id).json()).contains("\"name\"");
        }
        assertThat(indexed.pages(List.of(-1L))).isEmpty();
    }

    @Test
    void everyProgramPageIsTheSameFromTheIndexAsFromTheDatabase() throws Exception {
        List<Long> ids = published();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(15);
        for (Long id : ids) {
            for (String lang : List.of("ja", "en")) {
                String fromIndex = page(get("/programs/" + id).param("lang", lang));
                doReturn(Map.of()).when(indexed).pages(any());
                String fromDatabase = page(get("/programs/" + id).param("lang", lang));
                reset(indexed);
                assertThat(fromIndex).as("program %d (%s)", id, lang).isEqualTo(fromDatabase);
            }
        }
    }

    @Test
    void aCopyOfAnotherVersionIsNotShown() throws Exception {
        List<Long> ids = published();
        long shown = ids.get(0);
        long other = jdbc.queryForObject("select min(id) from program where status = 'PUBLISHED' and category_code <>"
                + " (select category_code from program where id = ?)", Long.class, shown);
        String otherName = jdbc.queryForObject("select name from program where id = ?", String.class, other);
        String otherText = jdbc.queryForObject("select min(i.text) from section_item i join program_section s"
                + " on s.id = i.section_id where s.program_id = ?", String.class, other);
        String ownName = jdbc.queryForObject("select name from program where id = ?", String.class, shown);
        long version = jdbc.queryForObject("select version from program where id = ?", Long.class, shown);
        SearchSource.Page foreign = indexed.pages(List.of(other)).get(other);

        // lang=ja: a page without parameters may come from the page cache
        doReturn(Map.of(shown, new SearchSource.Page(version + 1, foreign.json(), foreign.audiences()))).when(indexed).pages(any());
        String html = page(get("/programs/" + shown).param("lang", "ja"));
        assertThat(html).contains(ownName).doesNotContain(otherName).doesNotContain(otherText);

        doReturn(Map.of(shown, new SearchSource.Page(version, "{not json", Set.of()))).when(indexed).pages(any());
        assertThat(page(get("/programs/" + shown).param("lang", "ja"))).contains(ownName);

        doReturn(Map.of(shown, new SearchSource.Page(version, foreign.json(), foreign.audiences()))).when(indexed).pages(any());
        assertThat(page(get("/programs/" + shown).param("lang", "ja"))).as("the copy is used when its version matches")
                .contains(otherText);
    }

    @Test
    void theCheckerLeavesOutAProgramUnpublishedSinceTheIndexWasWritten() throws Exception {
        String answers = "/eligibility?age=20&residence=13&applicant=self&lang=ja";
        String name = jdbc.queryForObject("select name from program where id = 1", String.class);
        assertThat(page(get(answers))).contains(name);
        jdbc.update("update program set status = 'DRAFT' where id = 1"); // no change marker: the index keeps it
        try {
            assertThat(page(get(answers))).doesNotContain(name);
        } finally {
            jdbc.update("update program set status = 'PUBLISHED' where id = 1");
        }
    }

    @Test
    void theCheckersResultsAreTheSameFromTheIndexAsFromTheDatabase() throws Exception {
        for (String answers : List.of("age=20&residence=13&applicant=self",
                "age=22&hometown=032018&residence=13&school=university&grade=4&familyHome=032018&applicant=self",
                "age=19&hometown=09&residence=11&school=university&grade=1&familyHome=09&applicant=self",
                "age=30&hometown=43&residence=13")) {
            String fromIndex = page(get("/eligibility?" + answers));
            doReturn(Map.of()).when(indexed).pages(any());
            String fromDatabase = page(get("/eligibility?" + answers));
            reset(indexed);
            assertThat(fromIndex).as(answers).isEqualTo(fromDatabase).contains("/programs/");
        }
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"")
                .replaceAll("nonce=\"[^\"]*\"", "nonce");
    }
}
