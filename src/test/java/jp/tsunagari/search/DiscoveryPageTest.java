package jp.tsunagari.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The /programs page as rendered: map counts equal facet counts, empty state, safe highlighting, bad input. */
@SpringBootTest
@AutoConfigureMockMvc
class DiscoveryPageTest {

    @Autowired
    MockMvc mvc;

    String page(String url) throws Exception {
        return mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/programs", "/programs?category=gifts", "/programs?q=エール便&region=tohoku",
            "/programs?audience=student&pref=02", "/programs?q=鳥取"})
    void mapCountsEqualThePrefectureFacetCounts(String url) throws Exception {
        String html = page(url);
        Map<String, String> facet = new HashMap<>();
        Matcher f = Pattern.compile("<label for=\"pref-(\\d\\d)\"><span>([^<]+)</span>\\s*<span class=\"tsn-facet-count\">（(\\d+)件）</span>").matcher(html);
        while (f.find()) {
            facet.put(f.group(2), f.group(3));
        }
        Map<String, String> map = new HashMap<>();
        Matcher m = Pattern.compile("aria-label=\"([^\" ]+) (\\d+)件\"").matcher(html);
        while (m.find()) {
            map.put(m.group(1), m.group(2));
        }
        assertThat(facet).hasSize(47);
        assertThat(map).isEqualTo(facet);
    }

    @Test
    void noResultsExplainWhatToTry() throws Exception {
        assertThat(page("/programs?q=存在しない言葉")).contains("0件の施策").contains("言葉を減らすか")
                .contains("ひらがなのよみでも探せます");
    }

    @Test
    void highlightsAreMarkedAndTextStaysEscaped() throws Exception {
        assertThat(page("/programs?q=ＬＩＮＥ")).contains("<mark>LINE</mark>");
        String hostile = mvc.perform(get("/programs").param("q", "<script>alert(1)</script>")).andReturn().getResponse()
                .getContentAsString();
        assertThat(hostile).doesNotContain("<script>alert").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void unknownFacetValuesAre400WithTheRestApplied() throws Exception {
        String html = mvc.perform(get("/programs?channel=fax&status=ongoing&q=エール便")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("「主な手段」の値「fax」は使えません").contains("3件の施策");
    }

    @Test
    void unknownAcceptingAndEndedValuesAre400AndTheFormKeepsTheRest() throws Exception {
        String html = mvc.perform(get("/programs?accepting=tomorrow&ended=all&category=gifts"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("「受付状況」の値「tomorrow」は使えません").contains("「終了した施策」の値「all」は使えません")
                .contains("4件の施策").contains("id=\"filter-accepting\"").contains("id=\"ended-include\"");
    }

    @Test
    void theSeededProgramsHaveNoApplicationStatusAndNoneHasEnded() throws Exception {
        String html = mvc.perform(get("/programs")).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("15件の施策").doesNotContain("data-acceptance=");
        String withEnded = mvc.perform(get("/programs?ended=include&sort=deadline")).andReturn().getResponse()
                .getContentAsString();
        assertThat(withEnded).contains("15件の施策").contains("value=\"deadline\" selected");
    }
}
