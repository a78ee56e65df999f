package jp.tsunagari.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.tsunagari.staff.internal.StaffUser;
import jp.tsunagari.web.HtmlChecker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

/** The account forms: every problem at once in the summary, typed values kept (never the password). */
@SpringBootTest
@AutoConfigureMockMvc
@Transactional
class UserFormsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Test
    void aNewAccountWithProblemsComesBackWithEveryOne() throws Exception {
        String page = mvc.perform(post("/admin/users").with(user("root").roles("ADMIN")).with(csrf())
                        .param("username", "No Spaces").param("displayName", "").param("email", "not an address")
                        .param("role", "editor"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"#username\"").contains("href=\"#displayName\"").contains("href=\"#email\"")
                .contains("href=\"#role\"").contains("value=\"No Spaces\"").contains("value=\"not an address\"")
                .contains("メールアドレスを正しく入力してください")
                .containsPattern("id=\"username\"[^>]*aria-describedby=\"username-hint username-error\"[^>]*aria-invalid=\"true\"");
        assertThat(HtmlChecker.errors(page)).isEmpty();
        assertThat(directory.byUsername("no spaces")).isEmpty();
    }

    @Test
    void roleChangesAreCheckedAndAPasswordResetIsALinkNotAPassword() throws Exception {
        StaffUser other = directory.create("forms-test", "Forms test", "a long enough password", StaffRole.EDITOR);
        mvc.perform(post("/admin/users/" + other.id() + "/role").with(user("root").roles("ADMIN")).with(csrf())
                .param("role", "ROOT")).andExpect(status().isBadRequest());
        var reset = mvc.perform(post("/admin/users/" + other.id() + "/password").with(user("root").roles("ADMIN"))
                        .with(csrf()).param("password", "an admin-chosen password"))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(reset.getFlashMap().get("invitationLink").toString()).contains("/invitations/");
        assertThat(directory.find(other.id()).orElseThrow().passwordHash())
                .as("a password typed by the administrator is ignored").isEqualTo(other.passwordHash());
        mvc.perform(post("/admin/users/" + other.id() + "/role").with(user("root").roles("ADMIN")).with(csrf())
                .param("role", "ADMIN")).andExpect(status().is3xxRedirection());
        assertThat(directory.find(other.id()).orElseThrow().role()).isEqualTo(StaffRole.ADMIN);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theAccountListIsPagedAndNamesOnlyThePagesOrganizations() throws Exception {
        for (int i = 0; i < 60; i++) {
            jdbc.update("insert into staff_user (username, display_name, password_hash, role, enabled, created_at,"
                    + " updated_at, organization_code) values (?, ?, 'x', 'ORG_EDITOR', true, current_timestamp,"
                    + " current_timestamp, '032018')", String.format("zz-morioka-%02d", i), "盛岡市担当" + i);
        }
        long accounts = jdbc.queryForObject("select count(*) from staff_user", Long.class);
        String first = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/users").with(user("admin").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        long pages = (accounts + StaffDirectory.PAGE_SIZE - 1) / StaffDirectory.PAGE_SIZE;
        assertThat(first).contains("1 / " + pages + "ページ").contains("href=\"/admin/users?page=2\"")
                .doesNotContain("zz-morioka-59");
        String last = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/users").param("page", Long.toString(pages)).with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(last).contains("zz-morioka-59").contains("盛岡市 (032018)");
        assertThat(HtmlChecker.errors(last)).isEmpty();
    }
}
