package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import jp.tsunagari.system.JapanTime;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The overview's unmet needs (the office's only): the counts stored by module needs — over two days, one of them
 * older than the kept period — shown as the top searches, the searches not kept, and the checker answers without
 * 該当 per hometown prefecture (all 47, zeros too), and the same in the CSV files.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OverviewNeedsTest {

    static final RequestPostProcessor OFFICE = user("needs-office").roles("EDITOR");
    static final RequestPostProcessor MORIOKA = user("needs-morioka").authorities(
            new SimpleGrantedAuthority("ROLE_ORG_EDITOR"), new SimpleGrantedAuthority("ORG_032018"));

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @BeforeEach
    @AfterEach
    void noCounts() {
        jdbc.update("delete from unmet_need");
    }

    void count(LocalDate day, String kind, String item, long n) {
        jdbc.update("insert into unmet_need (counted_on, kind, item, n) values (?, ?, ?, ?)", day, kind, item, n);
    }

    String body(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theOfficeSeesWhatWasNotFound() throws Exception {
        LocalDate today = JapanTime.today(clock);
        count(today, "search", "岩手 奨学金", 3);
        count(today.minusDays(5), "search", "岩手 奨学金", 2);
        count(today, "search", "line 移住", 2);
        count(today.minusDays(200), "search", "古い検索語", 99);
        count(today, "checker", "03", 4);
        count(today.minusDays(1), "checker", "47", 1);
        count(today, "not-kept", "personal", 3);
        count(today, "not-kept", "memory", 1);

        Document page = Jsoup.parse(body("/admin/overview", OFFICE));
        List<String> searches = page.select("#searches-caption ~ tbody tr").eachText();
        assertThat(searches).containsExactly("岩手 奨学金 5", "line 移住 2");
        assertThat(page.select("#needs").text()).contains("個人情報を含むおそれ 3件、件数の上限を超えた分 1件");
        List<String> checker = page.select("#checker-caption ~ tbody tr").eachText();
        assertThat(checker).hasSize(47).contains("岩手県 4", "沖縄県 1", "北海道 0");
        assertThat(page.select("#checker-caption ~ tfoot").text()).isEqualTo("計 5");

        String csv = body("/admin/overview/searches.csv", OFFICE);
        assertThat(csv).contains("\"岩手 奨学金\",\"5\"").contains("\"line 移住\",\"2\"")
                .contains("個人情報を含むおそれ）\",\"3\"").doesNotContain("古い検索語");
        assertThat(body("/admin/overview/checker.csv", OFFICE)).contains("\"03\",\"岩手県\",\"4\"")
                .contains("\"47\",\"沖縄県\",\"1\"").contains("\"\",\"計\",\"5\"");

        assertThat(Jsoup.parse(body("/admin/overview", MORIOKA)).select("#needs")).as("the office's only").isEmpty();
    }
}
