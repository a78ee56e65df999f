package jp.tsunagari.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import jp.tsunagari.catalogue.ProgramEditor;
import jp.tsunagari.catalogue.PublicationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organization editors (自治体担当) through the real pages: 盛岡市 (032018) maintains もりおかエール便 (7); 岩手県
 * (030007) maintains ネオ県人会 (13) through its example group; neither maintains ふるさと南部からのエール便 (5, 南部町).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class OrganizationAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProgramEditor editor;

    static RequestPostProcessor organization(String code) {
        return user("org-" + code).authorities(new SimpleGrantedAuthority("ROLE_ORG_EDITOR"),
                new SimpleGrantedAuthority("ORG_" + code));
    }

    static final RequestPostProcessor MORIOKA = organization("032018");
    static final RequestPostProcessor IWATE = organization("030007");

    String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theListShowsOnlyTheOrganizationsOwnPrograms() throws Exception {
        String morioka = page(get("/admin").with(MORIOKA));
        assertThat(morioka).contains("もりおかエール便").doesNotContain("ふるさと南部からのエール便")
                .doesNotContain("ネオ県人会").doesNotContain("取組の種類の編集").doesNotContain("一括取込");
        String iwate = page(get("/admin").with(IWATE));
        assertThat(iwate).contains("ネオ県人会").doesNotContain("もりおかエール便");
        assertThat(page(get("/admin").with(user("office").roles("EDITOR"))))
                .contains("もりおかエール便").contains("ネオ県人会").contains("取組の種類の編集");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/programs/5/edit", "/admin/programs/5/duplicate", "/admin/programs/5/history",
            "/admin/programs/5/history/diff?from=1&to=1", "/admin/programs/5/preview", "/admin/programs/5/delete",
            "/admin/programs/13/edit", "/admin/programs/999999/edit"})
    void anotherOrganizationsProgramIsNotFound(String url) throws Exception {
        mvc.perform(get(url).with(MORIOKA)).andExpect(status().isNotFound());
    }

    @Test
    void changesToAnotherOrganizationsProgramAreNotFound() throws Exception {
        Map<String, String> nanbu = ProgramAdminTest.formOf(mvc, editor.editable(5).orElseThrow());
        MockHttpServletRequestBuilder save = post("/admin/programs/5").with(MORIOKA).with(csrf()).param("action", "draft");
        nanbu.forEach(save::param);
        mvc.perform(save).andExpect(status().isNotFound());
        mvc.perform(post("/admin/programs/5/discard-draft").with(MORIOKA).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/programs/5/delete").with(MORIOKA).with(csrf()).param("version", "0"))
                .andExpect(status().isNotFound());
        assertThat(editor.editable(5).orElseThrow().hasPendingDraft()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/programs/7/publish", "/admin/programs/7/unpublish",
            "/admin/programs/7/history/1/restore", "/admin/categories/gifts", "/admin/places/032018", "/admin/import",
            "/admin/users"})
    void whatOnlyTheOfficeDoesIsForbidden(String url) throws Exception {
        mvc.perform(post(url).with(MORIOKA).with(csrf()).param("version", "0")).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/categories", "/admin/places", "/admin/export", "/admin/import", "/admin/reviews",
            "/admin/users"})
    void officePagesAreForbidden(String url) throws Exception {
        mvc.perform(get(url).with(MORIOKA)).andExpect(status().isForbidden());
    }

    @Test
    void itsOwnPublishedProgramIsEditedAsADraftWithoutPublishing() throws Exception {
        String edit = page(get("/admin/programs/7/edit").with(MORIOKA));
        assertThat(edit).contains("もりおかエール便").doesNotContain("保存して公開").doesNotContain("/publish\"")
                .doesNotContain("/unpublish\"");
        Map<String, String> form = ProgramAdminTest.formOf(mvc, editor.editable(7).orElseThrow());
        form.put("name", "もりおかエール便（盛岡市の修正）");
        MockHttpServletRequestBuilder publish = post("/admin/programs/7").with(MORIOKA).with(csrf()).param("action", "publish");
        form.forEach(publish::param);
        mvc.perform(publish).andExpect(status().isForbidden());
        MockHttpServletRequestBuilder draft = post("/admin/programs/7").with(MORIOKA).with(csrf()).param("action", "draft");
        form.forEach(draft::param);
        mvc.perform(draft).andExpect(status().is3xxRedirection());
        ProgramEditor.Editable after = editor.editable(7).orElseThrow();
        assertThat(after.hasPendingDraft()).isTrue();
        assertThat(after.status()).isEqualTo(PublicationStatus.PUBLISHED);
        assertThat(mvc.perform(get("/programs/7")).andReturn().getResponse().getContentAsString())
                .doesNotContain("盛岡市の修正");
        assertThat(page(get("/admin/programs/7/preview").with(MORIOKA))).contains("盛岡市の修正");
        mvc.perform(get("/admin/programs/7/delete").with(MORIOKA)).andExpect(status().isForbidden());
    }

    @Test
    void itCannotHandItsProgramToAnotherOrganization() throws Exception {
        Map<String, String> form = ProgramAdminTest.formOf(mvc, editor.editable(7).orElseThrow());
        form.put("prefecture", "02");
        form.put("municipality", "024457");
        MockHttpServletRequestBuilder save = post("/admin/programs/7").with(MORIOKA).with(csrf()).param("action", "draft");
        form.forEach(save::param);
        String refused = mvc.perform(save).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString();
        assertThat(refused).contains("自分の団体が実施主体").contains("value=\"024457\"");
        assertThat(editor.editable(7).orElseThrow().hasPendingDraft()).isFalse();
    }

    @Test
    void aNewProgramStartsAsItsOwnAndIsSavedAsADraft() throws Exception {
        String blank = page(get("/admin/programs/new").with(MORIOKA));
        assertThat(blank).contains("value=\"032018\"").doesNotContain("保存して公開");
        Map<String, String> other = ProgramAdminTest.newProgram();
        other.put("municipality", "024457");
        MockHttpServletRequestBuilder refused = post("/admin/programs").with(MORIOKA).with(csrf()).param("action", "draft");
        other.forEach(refused::param);
        mvc.perform(refused).andExpect(status().isBadRequest());
        MockHttpServletRequestBuilder publish = post("/admin/programs").with(MORIOKA).with(csrf()).param("action", "publish");
        ProgramAdminTest.newProgram().forEach(publish::param);
        mvc.perform(publish).andExpect(status().isForbidden());
        MockHttpServletRequestBuilder draft = post("/admin/programs").with(MORIOKA).with(csrf()).param("action", "draft");
        ProgramAdminTest.newProgram().forEach(draft::param);
        String location = mvc.perform(draft).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll("\\D", ""));
        assertThat(editor.editable(id).orElseThrow().status()).isEqualTo(PublicationStatus.DRAFT);
        assertThat(page(get("/admin").with(MORIOKA))).contains("テスト村ふるさと便");
        assertThat(page(get("/admin").with(IWATE))).doesNotContain("テスト村ふるさと便");
        // its own unpublished draft it may delete
        mvc.perform(get("/admin/programs/" + id + "/delete").with(MORIOKA)).andExpect(status().isOk());
        mvc.perform(post("/admin/programs/" + id + "/delete").with(MORIOKA).with(csrf())
                .param("version", Long.toString(editor.editable(id).orElseThrow().version())))
                .andExpect(status().is3xxRedirection());
        assertThat(editor.editable(id)).isEmpty();
    }
}
