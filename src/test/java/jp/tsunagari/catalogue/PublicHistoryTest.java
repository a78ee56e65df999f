package jp.tsunagari.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public 更新履歴 ({@code /programs/{id}/history}), on a database of its own that the feed test shares (both edit): published
 * versions newest first with their day and what changed in words, never who; paginated; 404 where the program page
 * is 404.
 */
@SpringBootTest(properties = PublicHistoryTest.DATABASE)
@AutoConfigureMockMvc
class PublicHistoryTest {

    /** The same database (and so the same application context) as {@code opendata.ProgramFeedTest}. */
    static final String DATABASE = "spring.datasource.url=jdbc:h2:mem:feeds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    MockHttpServletResponse fetch(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse();
    }

    Document page(String url) throws Exception {
        MockHttpServletResponse response = fetch(url);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    static ProgramContent withSummary(ProgramContent c, String summary) {
        return new ProgramContent(c.name(), c.nameKana(), c.nameEn(), c.categoryCode(), c.organizerPrefectureCode(),
                c.organizerMunicipalityCode(), c.startYear(), c.startMonth(), c.eventYear(), c.eventMonth(), c.channel(),
                c.lifecycle(), summary, c.benefit(), c.officialUrl(), c.eligibilityText(), c.examplesHeading(),
                c.sourceDocumentId(), c.sourceSection(), c.sourceOrder(), c.sections(), c.metrics(), c.examples(),
                c.dataNotes(), c.targetGroups(), c.application(), c.schedule());
    }

    @Test
    void aProgramNeverChangedHasItsListingAndTheProgramPageLinksTheHistory() throws Exception {
        Document program = page("/programs/2");
        assertThat(program.select("a[href=/programs/2/history]")).hasSize(1);
        Document history = page("/programs/2/history");
        assertThat(history.select("h1").text()).isEqualTo("宮津ふるさと市民制度「MIYAZUTTO！」の更新履歴");
        assertThat(history.select("li.tsn-history__version")).hasSize(1);
        assertThat(history.select("li.tsn-history__version").text()).contains("このカタログに掲載しました。");
        assertThat(history.select("time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(history.select("time").text()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
    }

    @Test
    void publishedEditsShowInWordsNewestFirstAndNeverWhoMadeThem() throws Exception {
        ProgramEditor.Editable e = editor.editable(12).orElseThrow();
        editor.save(12, e.version(), withSummary(e.content(), "履歴確認用の概要"), true, "staff-yamada@example.jp");
        e = editor.editable(12).orElseThrow();
        // A draft of a published program is not public: not in the history.
        editor.save(12, e.version(), withSummary(e.content(), "未公開の概要"), false, "staff-yamada@example.jp");
        editor.discardDraft(12);

        String html = fetch("/programs/12/history").getContentAsString(StandardCharsets.UTF_8);
        Document history = Jsoup.parse(html);
        List<String> versions = history.select("li.tsn-history__version").eachText();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0)).contains("第2版").contains("概要を変更");
        assertThat(versions.get(1)).contains("第1版").contains("このカタログに掲載しました。");
        assertThat(html).doesNotContain("staff-yamada").doesNotContain("履歴確認用の概要").doesNotContain("未公開の概要");

        String en = mvc.perform(get("/programs/12/history").cookie(new jakarta.servlet.http.Cookie("catalogue-lang", "en")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Changed: summary").contains("Version 2");
    }

    @Test
    void aLongHistoryIsPaged() throws Exception {
        for (int i = 1; i <= 21; i++) {
            ProgramEditor.Editable e = editor.editable(14).orElseThrow();
            editor.save(14, e.version(), withSummary(e.content(), "版" + i), true, "test");
        }
        Document first = page("/programs/14/history");
        assertThat(first.select("li.tsn-history__version")).hasSize(PublicHistory.PAGE_SIZE);
        assertThat(first.select("li.tsn-history__version").first().text()).contains("第22版");
        assertThat(first.select("nav.tsn-pagination a[rel=next]").attr("href")).isEqualTo("/programs/14/history?page=2");
        Document second = page("/programs/14/history?page=2");
        assertThat(second.select("li.tsn-history__version").eachText()).hasSize(2);
        assertThat(second.select("li.tsn-history__version").get(0).text()).contains("第2版").contains("概要を変更");
        assertThat(second.select("li.tsn-history__version").get(1).text()).contains("第1版");
        for (String url : List.of("/programs/14/history?page=3", "/programs/14/history?page=0",
                "/programs/14/history?page=x")) {
            assertThat(fetch(url).getStatus()).as(url).isEqualTo(404);
        }
    }

    @Test
    void unknownDraftAndUnpublishedProgramsHaveNoPublicHistory() throws Exception {
        long draft = editor.create(editor.editable(3).orElseThrow().content().renamed("履歴のない下書き"), false, "test");
        ProgramEditor.Editable nine = editor.editable(15).orElseThrow();
        editor.unpublish(15, nine.version(), "test");
        for (String url : List.of("/programs/99999/history", "/programs/abc/history", "/programs/" + draft + "/history",
                "/programs/15/history")) {
            MockHttpServletResponse response = fetch(url);
            assertThat(response.getStatus()).as(url).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("Exception");
        }
    }
}
