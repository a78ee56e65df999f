package jp.tsunagari.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.List;
import jp.tsunagari.catalogue.internal.CatalogueOverview;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.system.PublicUrls;
import jp.tsunagari.system.ResultPage;
import jp.tsunagari.system.internal.Formats;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Home and prefecture index: views, titles and the page skeleton, with the counts mocked. */
// Public pages: the security filter chain is tested with the whole application (AccessControlTest).
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest({HomeController.class, PrefectureIndexController.class})
@Import({Formats.class, PublicUrls.class})
class EntryPagesControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CatalogueOverview overview;

    @MockitoBean
    ProgramFinder finder;

    @MockitoBean
    jp.tsunagari.place.Places places;

    @Test
    void homeHasOneH1AndTheSiteTitle() throws Exception {
        when(overview.categoriesWithCounts()).thenReturn(List.of());
        when(overview.regionsWithCounts()).thenReturn(List.of());
        when(finder.find(ProgramQuery.all())).thenReturn(new ResultPage<>(List.of(), 0, 1, 20));
        mvc.perform(get("/"))
                .andExpect(status().isOk()).andExpect(view().name("catalogue/home"))
                .andExpect(content().string(containsString("<title>つながり施策カタログ</title>")))
                .andExpect(content().string(containsString("<h1>つながり施策カタログ</h1>")))
                .andExpect(content().string(containsString("href=\"/?lang=en\"")));
    }

    @Test
    void prefecturesPageHasItsOwnTitleAndBreadcrumbs() throws Exception {
        when(overview.prefecturesByRegion()).thenReturn(List.of());
        // Filters are off in this slice: the language comes from its cookie (?lang= is a filter, LanguageConfig).
        mvc.perform(get("/prefectures").cookie(new jakarta.servlet.http.Cookie("catalogue-lang", "en")))
                .andExpect(status().isOk()).andExpect(view().name("catalogue/prefectures"))
                .andExpect(content().string(containsString("<title>Browse by prefecture | Connection Programs Catalogue</title>")))
                .andExpect(content().string(containsString("<nav class=\"tsn-breadcrumbs\" aria-label=\"Breadcrumb\">")));
    }
}
