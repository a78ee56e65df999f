package jp.tsunagari.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.tsunagari.system.internal.PageCacheFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Counting through the real pages, with the page cache on (as for every visitor without a session): each search
 * with text that finds nothing is counted, repeated ones too; a search that finds something is not, and is cached;
 * a checker answer with a hometown and no 該当 is counted by the hometown's prefecture, once per answering. What
 * other tests of this context counted is flushed and deleted first; what these tests counted is deleted after.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NeedsPagesTest {

    /** A hometown in 沖縄県 (47), an age no program takes: no 該当. */
    static final String NONE_ELIGIBLE = "/eligibility?age=99&hometown=%E6%B2%96%E7%B8%84%E7%9C%8C&residence=47";

    @Autowired
    MockMvc mvc;
    @Autowired
    UnmetNeeds needs;
    @Autowired
    NeedsFlush flush;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void startAfresh() {
        flush.flush();
        jdbc.update("delete from unmet_need");
    }

    MockHttpServletResponse fetch(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return fetch(request).getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aSearchThatFindsNothingIsCountedEachTimeWithThePageCacheOn() throws Exception {
        MockHttpServletResponse first = fetch(get("/programs").param("q", "ぬぴょろ需要試験"));
        MockHttpServletResponse second = fetch(get("/programs").param("q", "ぬぴょろ需要試験"));
        assertThat(first.getContentAsString(StandardCharsets.UTF_8)).contains("0件の施策");
        assertThat(second.getHeader(PageCacheFilter.HIT_HEADER)).isNull();
        fetch(get("/programs").param("q", "ＮＵＰＹＯＲＯ  需要"));
        flush.flush();
        assertThat(needs.topSearches(50)).containsExactly(new UnmetNeeds.SearchCount("ぬぴょろ需要試験", 2),
                new UnmetNeeds.SearchCount("nupyoro 需要", 1));
    }

    @Test
    void aSearchThatFindsSomethingIsNotCountedAndIsCached() throws Exception {
        fetch(get("/programs").param("q", "エール便"));
        assertThat(fetch(get("/programs").param("q", "エール便")).getHeader(PageCacheFilter.HIT_HEADER))
                .isEqualTo("hit");
        fetch(get("/programs").param("category", "gifts"));
        fetch(get("/programs").param("q", "   "));
        // the words find programs; only the filter (沖縄県) left none: not an unmet need
        assertThat(page(get("/programs").param("q", "エール便").param("pref", "47"))).contains("0件の施策");
        flush.flush();
        assertThat(jdbc.queryForObject("select count(*) from unmet_need", Integer.class)).isZero();
    }

    @Test
    void eMailAddressesAndPhoneNumbersAreDropped() throws Exception {
        fetch(get("/programs").param("q", "taro.yamada@example.jp"));
        fetch(get("/programs").param("q", "０９０－１２３４－５６７８"));
        fetch(get("/programs").param("q", "+81 90 1234 5678"));
        flush.flush();
        assertThat(needs.topSearches(50)).isEmpty();
        assertThat(needs.searchesNotKept()).isEqualTo(new UnmetNeeds.NotKept(3, 0, 0));
        assertThat(jdbc.queryForList("select item from unmet_need", String.class)).containsExactly("personal");
    }

    @Test
    void aCheckerAnswerWithoutEligibleProgramsIsCountedByTheHometownsPrefecture() throws Exception {
        String html = page(get(URI.create(NONE_ELIGIBLE)));
        assertThat(html).contains("data-verdict");
        page(get(URI.create(NONE_ELIGIBLE + "&verdict=not-eligible")));
        page(get(URI.create(NONE_ELIGIBLE + "&category=gifts")));
        page(get("/eligibility?age=99&hometown=472018&residence=47"));
        page(get("/eligibility?age=99&residence=47"));
        flush.flush();
        assertThat(needs.noEligibleByPrefecture()).as("the answers, not the lists and filters after")
                .containsExactly(Map.entry("47", 2L));
    }

    @Test
    void aCheckerAnswerWithAnEligibleProgramIsNotCounted() throws Exception {
        page(get("/eligibility").param("hometown", "430005"));
        flush.flush();
        assertThat(needs.noEligibleByPrefecture()).isEmpty();
    }
}
