package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.tsunagari.web.HtmlChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The category and place forms: typed values come back with the error summary; limits depend on the place. */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class NameFormsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aCategoryFormWithProblemsComesBackAsTyped() throws Exception {
        String page = mvc.perform(post("/admin/categories/sns").with(user("e").roles("EDITOR")).with(csrf())
                        .param("nameJa", "　").param("nameEn", "x".repeat(81)).param("descriptionJa", "説明")
                        .param("descriptionEn", "About"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#nameJa\"").contains("href=\"#nameEn\"").contains("入力してください。")
                .contains("80文字以内で入力してください。").contains("value=\"" + "x".repeat(81) + "\"")
                .containsPattern("id=\"nameJa\"[^>]*aria-describedby=\"nameJa-error\"[^>]*aria-invalid=\"true\"");
        assertThat(HtmlChecker.errors(page)).isEmpty();
    }

    @Test
    void placeNamesAreLimitedByTheKindOfPlace() throws Exception {
        String prefecture = mvc.perform(post("/admin/places/03").with(user("e").roles("EDITOR")).with(csrf())
                        .param("nameJa", "岩手県岩手県岩手県岩手県").param("nameKana", "イワテ").param("nameEn", ""))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(prefecture).contains("href=\"#nameJa\"").contains("10文字以内で入力してください。")
                .contains("href=\"#nameKana\"").contains("よみはひらがなで入力してください。")
                .contains("href=\"#nameEn\"").contains("value=\"イワテ\"");
        mvc.perform(post("/admin/places/032018").with(user("e").roles("EDITOR")).with(csrf())
                        .param("nameJa", "盛岡市盛岡市盛岡市盛岡市").param("nameKana", " もりおかし ").param("nameEn", ""))
                .andExpect(status().is3xxRedirection());
    }
}
