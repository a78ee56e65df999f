package jp.tsunagari.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 「比較に追加」 on the cards of the list, category and home pages, of the checker's results and on the program page: the
 * selection travels in the {@code compare} parameter, kept by the filter forms, the page links and the program links;
 * nothing is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CompareControlsTest {

    @Autowired
    MockMvc mvc;

    Document page(String url) throws Exception {
        return Jsoup.parse(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void theListWithoutASelectionOffersToAddEveryCardAndShowsNoBar() throws Exception {
        Document d = page("/programs?category=sns");
        assertThat(d.select("[data-compare-bar]")).isEmpty();
        assertThat(d.select("#card-3 .tsn-card__compare a").attr("href"))
                .isEqualTo("/programs?category=sns&compare=3#card-3");
        assertThat(d.select("#card-3 .tsn-card__compare a").text()).isEqualTo("比較に追加: くまらバ");
        assertThat(d.select(".tsn-card")).allMatch(card -> card.selectFirst(".tsn-card__compare") != null);
        assertThat(d.select("#card-3 h3 a").attr("href")).isEqualTo("/programs/3");
        assertThat(d.select(".tsn-card__compare a")).as("crawlers do not follow the combinations")
                .allMatch(a -> a.attr("rel").equals("nofollow"));
    }

    @Test
    void theListCarriesTheSelectionInItsFormLinksAndCards() throws Exception {
        Document d = page("/programs?category=sns&sort=kana&compare=3&compare=1");
        assertThat(d.select("[data-compare-bar] a").eachAttr("href"))
                .containsExactly("/compare?id=3&id=1", "/programs?category=sns&sort=kana");
        assertThat(d.select("[data-compare-bar] a").first().text()).isEqualTo("選択した施策を比較（2件）");
        assertThat(d.select("form.tsn-finder input[type=hidden][name=compare]").eachAttr("value"))
                .containsExactly("3", "1");
        assertThat(d.select("#card-3 .tsn-card__compare a").attr("href"))
                .isEqualTo("/programs?category=sns&sort=kana&compare=1#card-3");
        assertThat(d.select("#card-3 .tsn-card__compare").attr("data-compare")).isEqualTo("selected");
        assertThat(d.select("#card-4 .tsn-card__compare a").attr("href"))
                .isEqualTo("/programs?category=sns&sort=kana&compare=3&compare=1&compare=4#card-4");
        assertThat(d.select("#card-4 h3 a").attr("href")).isEqualTo("/programs/4?compare=3&compare=1");
        assertThat(d.select(".tsn-applied__tag").attr("href")).isEqualTo("/programs?sort=kana&compare=3&compare=1");
    }

    @Test
    void aFullSelectionOffersNoFifth() throws Exception {
        Document d = page("/programs?compare=1&compare=3&compare=4&compare=7");
        assertThat(d.select("[data-compare-bar] a").first().text()).isEqualTo("選択した施策を比較（4件）");
        assertThat(d.select("#card-2 .tsn-card__compare a")).isEmpty();
        assertThat(d.select("#card-2 .tsn-card__compare").text()).startsWith("比較は4件までです");
    }

    @Test
    void categoryAndHomeCardsKeepTheirPage() throws Exception {
        Document category = page("/categories/sns?compare=1");
        assertThat(category.select("#card-3 .tsn-card__compare a").attr("href"))
                .isEqualTo("/categories/sns?compare=1&compare=3#card-3");
        assertThat(category.select("[data-compare-bar] a").first().attr("href")).isEqualTo("/compare?id=1");
        Document home = page("/?compare=7");
        assertThat(home.select("#card-1 .tsn-card__compare a").attr("href")).isEqualTo("/?compare=7&compare=1#card-1");
        assertThat(home.select("#card-7 .tsn-card__compare a").attr("href")).isEqualTo("/#card-7");
    }

    @Test
    void theProgramPageAddsItselfToTheSelectionItCarries() throws Exception {
        Document alone = page("/programs/3");
        assertThat(alone.select(".tsn-program-compare a").eachAttr("href")).containsExactly("/compare?id=3");
        assertThat(alone.select(".tsn-program-compare a").text()).isEqualTo("この施策を比較に追加");
        Document carried = page("/programs/3?compare=1&compare=4");
        assertThat(carried.select(".tsn-program-compare a").first().attr("href")).isEqualTo("/compare?id=1&id=4&id=3");
        assertThat(carried.select("link[rel=canonical]").attr("href")).endsWith("/programs/3");
        Document chosen = page("/programs/3?compare=3&compare=1&lang=en");
        assertThat(chosen.select(".tsn-program-compare a").first().text())
                .isEqualTo("Compare the chosen programs (2)");
    }

    @Test
    void theCheckersCardsAddToTheSelectionAndItsLinksAndFormsKeepIt() throws Exception {
        String answers = "/eligibility?age=20&hometown=032018";
        Document plain = page(answers);
        org.jsoup.nodes.Element first = plain.selectFirst(".tsn-verdict .tsn-card");
        assertThat(first).isNotNull();
        String id = first.id().substring("card-".length());
        assertThat(first.select(".tsn-card__compare a").attr("href")).isEqualTo(answers + "&compare=" + id + "#card-" + id);
        assertThat(plain.select(".tsn-verdict .tsn-card")).allMatch(card -> card.selectFirst(".tsn-card__compare") != null);
        assertThat(plain.select("[data-compare-bar]")).isEmpty();

        Document chosen = page(answers + "&compare=" + id + "&compare=1");
        assertThat(chosen.select("#card-" + id + " .tsn-card__compare").attr("data-compare")).isEqualTo("selected");
        assertThat(chosen.select("[data-compare-bar] a").eachAttr("href"))
                .containsExactly("/compare?id=" + id + "&id=1", answers);
        assertThat(chosen.select("form.tsn-finder input[type=hidden][name=compare]").eachAttr("value"))
                .containsExactly(id, "1");
        assertThat(chosen.select("[data-verdict-count] a").eachAttr("href"))
                .allMatch(href -> href.endsWith("&compare=" + id + "&compare=1"));
        assertThat(chosen.select("#card-" + id + " h4 a").attr("href"))
                .isEqualTo("/programs/" + id + "?compare=" + id + "&compare=1");
        String edit = chosen.select("a.tsn-button--secondary").attr("href");
        assertThat(edit).endsWith("&edit=true&compare=" + id + "&compare=1");
        assertThat(page(edit).select("form.tsn-checker input[type=hidden][name=compare]").eachAttr("value"))
                .containsExactly(id, "1");
    }
}
