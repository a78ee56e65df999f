package jp.tsunagari.catalogue;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Optional;
import jp.tsunagari.catalogue.internal.Categories;
import jp.tsunagari.catalogue.internal.ProgramFilters;
import jp.tsunagari.catalogue.internal.ProgramFinder;
import jp.tsunagari.place.Places;
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
@WebMvcTest(CategoryController.class)
@Import({ProgramFilters.class, Formats.class, PublicUrls.class})
class CategoryControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Categories categories;

    @MockitoBean
    ProgramFinder finder;

    @MockitoBean
    Places places;

    @Test
    void unknownCategoryCodeIsA404() throws Exception {
        when(categories.findById(any())).thenReturn(Optional.empty());
        mvc.perform(get("/categories/sports")).andExpect(status().isNotFound()).andExpect(view().name("error/404"));
    }
}
