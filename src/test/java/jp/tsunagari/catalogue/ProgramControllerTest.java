package jp.tsunagari.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Optional;
import jp.tsunagari.catalogue.internal.LinkedData;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.catalogue.internal.ProgramPageLoader;
import jp.tsunagari.system.PublicUrls;
import jp.tsunagari.system.internal.Formats;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

// Public pages: the security filter chain is tested with the whole application (AccessControlTest).
@AutoConfigureMockMvc(addFilters = false)
@WebMvcTest(ProgramController.class)
@Import({Formats.class, PublicUrls.class, LinkedData.class, ProgramControllerTest.Clocks.class})
class ProgramControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ProgramPageLoader details;

    @MockitoBean
    ProgramFinder finder;

    @MockitoBean
    ProgramEditor editor;

    @MockitoBean
    Maintainers maintainers;

    @MockitoBean
    Freshness freshness;

    @Test
    void unknownIdIsA404PageWithoutExceptionText() throws Exception {
        when(details.published(anyLong())).thenReturn(Optional.empty());
        mvc.perform(get("/programs/12345"))
                .andExpect(status().isNotFound())
                .andExpect(view().name("error/404"))
                .andExpect(content().string(containsString("<h1>ページが見つかりません</h1>")))
                .andExpect(content().string(not(containsString("NotFoundException"))));
    }

    @Test
    void nonNumericOrOverlongIdsAre404WithoutTouchingTheDatabase() throws Exception {
        for (String id : new String[] {"abc", "1e3", "99999999999999999999", "%E3%81%82"}) {
            mvc.perform(get("/programs/" + id)).andExpect(status().isNotFound());
        }
        verify(details, never()).published(anyLong());
    }

    @org.springframework.boot.test.context.TestConfiguration
    static class Clocks {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.systemUTC();
        }
    }
}
