package jp.tsunagari.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import jp.tsunagari.staff.internal.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/** Each account belongs to one organization: the office, or a prefecture or municipality by 全国地方公共団体コード. */
@SpringBootTest
@AutoConfigureMockMvc
class OrganizationAccountsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Test
    void anOrganizationIsAPrefectureOrMunicipalityByCodeOrUniqueName() {
        assertThat(directory.organizationOf(StaffRole.ORG_EDITOR, "盛岡市")).isEqualTo("032018");
        assertThat(directory.organizationOf(StaffRole.ORG_EDITOR, " 032018 ")).isEqualTo("032018");
        assertThat(directory.organizationOf(StaffRole.ORG_EDITOR, "岩手県")).isEqualTo("030007");
        assertThat(directory.organizationOf(StaffRole.ORG_EDITOR, "030007")).isEqualTo("030007");
        assertThat(directory.organizationOf(StaffRole.ORG_EDITOR, "03")).isEqualTo("030007");
        assertThat(directory.organizationOf(StaffRole.EDITOR, "盛岡市")).isEqualTo("office");
        assertThat(directory.organizationOf(StaffRole.ADMIN, null)).isEqualTo("office");
        for (String refused : List.of("", "999999", "032019", "011011", "府中市", "<script>")) {
            assertThatThrownBy(() -> directory.organizationOf(StaffRole.ORG_EDITOR, refused)).as(refused)
                    .isInstanceOf(StaffDirectory.Refused.class).hasMessage("staff.error.organization");
        }
    }

    @Test
    void signingInCarriesTheRoleAndTheOrganization() throws Exception {
        directory.create("org-signin-test", "盛岡市担当", "morioka password 1", StaffRole.ORG_EDITOR, "盛岡市");
        mvc.perform(formLogin("/login").user("org-signin-test").password("morioka password 1"))
                .andExpect(authenticated().withAuthentication(a -> assertThat(a.getAuthorities())
                        .extracting(GrantedAuthority::getAuthority).contains("ROLE_ORG_EDITOR", "ORG_032018")
                        .doesNotContain("ROLE_EDITOR", "ROLE_ADMIN")));
        directory.create("office-signin-test", "事務局", "office password 12", StaffRole.EDITOR);
        mvc.perform(formLogin("/login").user("office-signin-test").password("office password 12"))
                .andExpect(authenticated().withAuthentication(a -> assertThat(a.getAuthorities())
                        .extracting(GrantedAuthority::getAuthority).contains("ROLE_EDITOR", "ORG_office")));
    }

    @Test
    void anAdministratorAddsAnOrganizationEditorAndTypedValuesComeBackOnError() throws Exception {
        String refused = mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "org-form-test").param("displayName", "府中市担当")
                        .param("email", "fuchu@example.lg.jp").param("role", "ORG_EDITOR")
                        .param("organization", "府中市"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("所属団体を、都道府県か市区町村").contains("value=\"府中市\"")
                .contains("value=\"org-form-test\"").contains("value=\"fuchu@example.lg.jp\"");
        var invited = mvc.perform(post("/admin/users").with(user("admin").roles("ADMIN")).with(csrf())
                        .param("username", "org-form-test").param("displayName", "盛岡市担当")
                        .param("email", "morioka-form@example.lg.jp").param("role", "ORG_EDITOR")
                        .param("organization", "032018 盛岡市"))
                .andExpect(status().is3xxRedirection()).andReturn();
        // no spring.mail.host here: nothing is sent, and the link is shown to the administrator instead
        assertThat(invited.getFlashMap().get("message").toString()).contains("メールの送信は設定されていない");
        assertThat(invited.getFlashMap().get("invitationLink").toString()).matches("http://.+/invitations/[A-Za-z0-9_-]{43}");
        StaffUser created = directory.byUsername("org-form-test").orElseThrow();
        assertThat(created.organizationCode()).isEqualTo("032018");
        String list = mvc.perform(get("/admin/users").with(user("admin").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("盛岡市 (032018)").contains("自治体担当");
        mvc.perform(post("/admin/users/" + created.id() + "/role").with(user("admin").roles("ADMIN")).with(csrf())
                .param("role", "EDITOR").param("organization", "")).andExpect(status().is3xxRedirection());
        assertThat(directory.byUsername("org-form-test").orElseThrow().organizationCode()).isEqualTo("office");
    }
}
