package jp.tsunagari.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tsunagari.eligibility.EligibilityText;
import jp.tsunagari.place.Places;
import jp.tsunagari.system.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Public pages: the security filter chain is tested with the whole application (AccessControlTest).
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(ProgramListController.class)
@Import({ProgramFilters.class, Formats.class, EligibilityText.class})
class ProgramListControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProgramFinder finder;

    @MockitoBean
    Categories categories;

    @MockitoBean
    Places places;

    @BeforeEach
    void emptyCatalogue() {
        when(categories.findAllByOrderByNumber()).thenReturn(List.of());
        when(places.regions()).thenReturn(List.of());
        when(places.prefecturesByRegion()).thenReturn(Map.of());
        when(places.region(any())).thenReturn(Optional.empty());
        when(places.prefecture(any())).thenReturn(Optional.empty());
        when(finder.find(any())).thenReturn(new ResultPage<>(List.of(), 0, 1, 20));
    }

    @Test
    void oneGetFormWithASubmitButtonAndTheCountAsAHeading() throws Exception {
        mvc.perform(get("/programs"))
                .andExpect(status().isOk())
                .andExpect(view().name("catalogue/programs"))
                .andExpect(model().attribute("problems", hasSize(0)))
                .andExpect(content().string(containsString("<form class=\"tsn-finder\" method=\"get\" action=\"/programs\"")))
                .andExpect(content().string(containsString("<button type=\"submit\" class=\"tsn-button\">絞り込む</button>")))
                .andExpect(content().string(containsString("<h2 class=\"tsn-results__count\" id=\"results-heading\">0件の施策</h2>")))
                .andExpect(content().string(containsString("条件に合う施策はありません")))
                .andExpect(content().string(containsString("<label class=\"tsn-label\" for=\"filter-sort\">")));
    }

    @Test
    void invalidValuesGive400WithAnErrorSummaryLinkedToTheFields() throws Exception {
        mvc.perform(get("/programs").param("pref", "99").param("audience", "aliens").param("page", "-3"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attribute("problems", hasSize(3)))
                .andExpect(content().string(containsString("<title>エラー: 施策一覧 | つながり施策カタログ</title>")))
                .andExpect(content().string(containsString("role=\"alert\" aria-labelledby=\"error-summary-title\"")))
                .andExpect(content().string(containsString("<a href=\"#filter-pref\">「都道府県」の値「99」は使えません。")))
                .andExpect(content().string(containsString("<a href=\"#filter-audience\">")))
                .andExpect(content().string(containsString("<a href=\"#filter-page\">")));
        verify(finder).find(argThat(q -> q.prefectures().isEmpty() && q.audiences().isEmpty() && q.page() == 1));
    }

    @Test
    void theSkipLinkMainAndNavigationAreThere() throws Exception {
        mvc.perform(get("/programs"))
                .andExpect(content().string(containsString("<a class=\"tsn-skip-link\" href=\"#main\">本文へ移動</a>")))
                .andExpect(content().string(containsString("<main id=\"main\"")))
                .andExpect(content().string(containsString("<nav class=\"tsn-breadcrumbs\" aria-label=\"パンくずリスト\">")))
                .andExpect(content().string(containsString("<li aria-current=\"page\">施策一覧</li>")))
                .andExpect(content().string(containsString("<html lang=\"ja\">")));
    }
}
