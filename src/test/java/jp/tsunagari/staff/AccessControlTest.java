package jp.tsunagari.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.List;
import jp.tsunagari.staff.internal.StaffUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Who may do what: anonymous users, editors and administrators, CSRF, sign-in, throttling, session fixation. */
@SpringBootTest
@AutoConfigureMockMvc
class AccessControlTest {

    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/programs/new", "/admin/programs/1/edit",
            "/admin/programs/1/history", "/admin/programs/1/preview", "/admin/users", "/admin/users/1",
            "/admin/import", "/admin/export");

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffDirectory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anonymousUsersAreSentToTheLoginPageFromEveryAdminUrl() throws Exception {
        for (String url : ADMIN_PAGES) {
            mvc.perform(get(url).accept("text/html")).andExpect(status().is3xxRedirection())
                    .andExpect(redirectedUrl("/login"));
        }
        mvc.perform(post("/admin/programs").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void editorsCannotManageUsers() throws Exception {
        mvc.perform(get("/admin/users").with(user("ed").roles("EDITOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(user("ed").roles("EDITOR")).with(csrf())
                        .param("username", "mallory").param("displayName", "M").param("password", "long-enough-pass")
                        .param("role", "ADMIN"))
                .andExpect(status().isForbidden());
        assertThat(directory.byUsername("mallory")).isEmpty();
        mvc.perform(get("/admin").with(user("ed").roles("EDITOR"))).andExpect(status().isOk());
        mvc.perform(get("/admin/users").with(user("root").roles("ADMIN"))).andExpect(status().isOk());
    }

    @Test
    void postsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/admin/users").with(user("root").roles("ADMIN"))
                        .param("username", "nocsrf").param("displayName", "N").param("password", "long-enough-pass")
                        .param("role", "EDITOR"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("username", "admin").param("password", "x")).andExpect(status().isForbidden());
        assertThat(directory.byUsername("nocsrf")).isEmpty();
    }

    @Test
    void signingInChangesTheSessionIdAndLeadsToTheAdminPages() throws Exception {
        directory.create("signin-test", "Sign-in test", "correct horse battery", StaffRole.EDITOR);
        // Sessions live in the database (Spring Session JDBC) and travel in the SESSION cookie.
        MvcResult page = mvc.perform(get("/login")).andReturn();
        Cookie before = page.getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();
        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", "signin-test").param("password", "correct horse battery"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin")).andReturn();
        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'signin-test'",
                Integer.class)).as("the signed-in session is stored in the database").isEqualTo(1);
        mvc.perform(get("/admin").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/admin").cookie(before)).andExpect(status().is3xxRedirection());
    }

    /** Signs in through the form; the session cookie of the signed-in session. */
    Cookie signIn(String username, String password) throws Exception {
        Cookie start = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        MvcResult result = mvc.perform(post("/login").cookie(start).with(csrf()).param("username", username)
                .param("password", password)).andExpect(redirectedUrl("/admin")).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    @Test
    void aNewRoleOrganizationOrDisablingEndsTheAccountsSessions() throws Exception {
        StaffUser moved = directory.create("moved-test", "Moved test", "moved test password", StaffRole.EDITOR);
        StaffUser other = directory.create("unmoved-test", "Unmoved test", "moved test password", StaffRole.EDITOR);
        Cookie office = signIn("moved-test", "moved test password");
        Cookie unmoved = signIn("unmoved-test", "moved test password");
        mvc.perform(get("/admin/categories").cookie(office)).andExpect(status().isOk());
        var admin = user("root").roles("ADMIN");

        // EDITOR → ORG_EDITOR of 盛岡市: the office's session ends; signed in again, the account is 盛岡市's.
        mvc.perform(post("/admin/users/" + moved.id() + "/role").with(admin).with(csrf()).param("role", "ORG_EDITOR")
                .param("organization", "032018")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/categories").cookie(office).accept("text/html")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/admin/programs/5/edit").cookie(office).accept("text/html")).andExpect(redirectedUrl("/login"));
        Cookie morioka = signIn("moved-test", "moved test password");
        mvc.perform(get("/admin/categories").cookie(morioka)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/programs/5/edit").cookie(morioka)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/programs/7/edit").cookie(morioka)).andExpect(status().isOk());

        // 盛岡市 → 南部町 (024457): 盛岡市's program is no longer its own, in a new session only.
        mvc.perform(post("/admin/users/" + moved.id() + "/role").with(admin).with(csrf()).param("role", "ORG_EDITOR")
                .param("organization", "024457")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/programs/7/edit").cookie(morioka).accept("text/html")).andExpect(redirectedUrl("/login"));
        Cookie nanbu = signIn("moved-test", "moved test password");
        mvc.perform(get("/admin/programs/7/edit").cookie(nanbu)).andExpect(status().isNotFound());
        mvc.perform(get("/admin/programs/5/edit").cookie(nanbu)).andExpect(status().isOk());

        // Saving the same role and organization again changes nothing, and keeps the session.
        mvc.perform(post("/admin/users/" + moved.id() + "/role").with(admin).with(csrf()).param("role", "ORG_EDITOR")
                .param("organization", "024457")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/programs/5/edit").cookie(nanbu)).andExpect(status().isOk());

        // Disabled: signed out, and no new sign-in.
        mvc.perform(post("/admin/users/" + moved.id() + "/enabled").with(admin).with(csrf()).param("enabled", "false"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin").cookie(nanbu).accept("text/html")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login").with(csrf()).param("username", "moved-test").param("password", "moved test password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = 'moved-test'",
                Integer.class)).isZero();

        // Another account's session is not touched.
        mvc.perform(get("/admin/categories").cookie(unmoved)).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Integer.class,
                other.username())).isOne();
    }

    @Test
    void wrongPasswordsAreThrottledPerAccount() throws Exception {
        directory.create("throttle-test", "Throttle test", "the right password", StaffRole.EDITOR);
        for (int i = 0; i < LoginThrottle.MAX_PER_ACCOUNT; i++) {
            String address = "192.0.2." + (10 + i);
            mvc.perform(post("/login").with(csrf()).with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    }).param("username", "throttle-test").param("password", "wrong " + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("username", "throttle-test").param("password", "the right password"))
                .andExpect(redirectedUrl("/login?throttled"));
        String page = mvc.perform(get("/login?throttled")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("しばらくログインできません").contains("role=\"alert\"");
        mvc.perform(post("/login").with(csrf()).param("username", "someone-else").param("password", "whatever"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void theFirstAdministratorExistsWithoutAnyDefaultPassword() {
        StaffUser admin = directory.byUsername(FirstAdmin.USERNAME).orElseThrow();
        assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
    }

    @Test
    void passwordsShorterThanTwelveCharactersAreRefused() {
        assertThatThrownBy(() -> directory.create("shorty", "Short", "elevenchars", StaffRole.EDITOR))
                .isInstanceOfSatisfying(StaffDirectory.Refused.class,
                        r -> assertThat(r.messageKey()).isEqualTo("staff.error.password.short"));
    }

    /** Every /admin mapping of the application (from Spring MVC itself), path variables filled in. */
    List<String[]> adminMappings() {
        List<String[]> found = new java.util.ArrayList<>();
        handlerMapping.getHandlerMethods().keySet().forEach(info -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/admin")) {
                    continue;
                }
                String path = pattern.replace("{code}", "sns").replaceAll("\\{[a-z]+}", "1");
                var methods = info.getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? java.util.Set.of(
                        org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    found.add(new String[] {method.name(), path});
                }
            }
        });
        return found;
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping handlerMapping;

    @Test
    void everyAdminMappingRefusesAnonymousUsers() throws Exception {
        List<String[]> mappings = adminMappings();
        assertThat(mappings).hasSizeGreaterThanOrEqualTo(30);
        for (String[] m : mappings) {
            var request = "GET".equals(m[0]) ? get(m[1]).accept("text/html") : post(m[1]).with(csrf());
            mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
    }

    @Test
    void editorsAreRefusedEveryUserManagementMappingIncludingOtherUsersData() throws Exception {
        StaffUser other = directory.byUsername(FirstAdmin.USERNAME).orElseThrow();
        List<String[]> users = adminMappings().stream().filter(m -> m[1].startsWith("/admin/users")).toList();
        assertThat(users).hasSizeGreaterThanOrEqualTo(6);
        for (String[] m : users) {
            String path = m[1].replace("/admin/users/1", "/admin/users/" + other.id());
            var request = "GET".equals(m[0]) ? get(path) : post(path).with(csrf()).param("role", "EDITOR")
                    .param("password", "a-new-password-123").param("enabled", "false");
            mvc.perform(request.with(user("ed").roles("EDITOR"))).andExpect(status().isForbidden());
        }
        StaffUser after = directory.byUsername(FirstAdmin.USERNAME).orElseThrow();
        assertThat(after.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(after.enabled()).isTrue();
        assertThat(after.passwordHash()).isEqualTo(other.passwordHash());
    }

    @Test
    void signInNeverRedirectsOffSite() throws Exception {
        directory.create("redirect-test", "Redirect test", "redirect test password", StaffRole.EDITOR);
        List<String> targets = List.of("https://evil.example/", "//evil.example/admin", "/\\evil.example",
                "http:evil.example", "javascript:alert(1)");
        for (String target : targets) {
            MvcResult page = mvc.perform(get("/login").param("continue", target).param("redirect", target)
                    .param("targetUrl", target).param("next", target)).andReturn();
            Cookie session = page.getResponse().getCookie("SESSION");
            String location = mvc.perform(post("/login").cookie(session).with(csrf())
                            .param("username", "redirect-test").param("password", "redirect test password")
                            .param("continue", target).param("redirect", target).param("targetUrl", target)
                            .param("spring-security-redirect", target).param("next", target))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            assertThat(location).as(target).isEqualTo("/admin");
        }
        // A saved request (the page asked for before signing in) brings the user back to this site only.
        MvcResult asked = mvc.perform(get("/admin/programs/1/edit").param("continue", "https://evil.example/")
                .header("Referer", "https://evil.example/")).andExpect(redirectedUrl("/login")).andReturn();
        Cookie session = asked.getResponse().getCookie("SESSION");
        String location = mvc.perform(post("/login").cookie(session).with(csrf())
                        .param("username", "redirect-test").param("password", "redirect test password"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        java.net.URI back = java.net.URI.create(location);
        assertThat(back.getHost()).isEqualTo("localhost");
        assertThat(back.getPath()).isEqualTo("/admin/programs/1/edit");
        // Signing out, too, stays here.
        String out = mvc.perform(post("/logout").cookie(session).with(csrf()).param("continue", "https://evil.example/"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(out).isEqualTo("/login?signedOut");
    }

    @Test
    void wrongPasswordsAreThrottledPerAddressAcrossAccounts() throws Exception {
        directory.create("throttle-ip-test", "Throttle IP test", "the right password", StaffRole.EDITOR);
        String address = "198.51.100.7";
        for (int i = 0; i < LoginThrottle.MAX_PER_ADDRESS; i++) {
            String name = "guess-" + i;
            mvc.perform(post("/login").with(csrf()).with(r -> {
                        r.setRemoteAddr(address);
                        return r;
                    }).param("username", name).param("password", "wrong"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                }).param("username", "throttle-ip-test").param("password", "the right password"))
                .andExpect(redirectedUrl("/login?throttled"));
        // The same account from another address is not affected.
        mvc.perform(post("/login").with(csrf()).with(r -> {
                    r.setRemoteAddr("198.51.100.8");
                    return r;
                }).param("username", "throttle-ip-test").param("password", "the right password"))
                .andExpect(redirectedUrl("/admin"));
    }

    @Test
    void theUserFormsRefuseShortPasswords() throws Exception {
        String page = mvc.perform(post("/admin/users").with(user("root").roles("ADMIN")).with(csrf())
                        .param("username", "short-pass").param("displayName", "Short").param("password", "elevenchars")
                        .param("role", "EDITOR"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("tsn-error-summary").contains("short-pass");
        assertThat(directory.byUsername("short-pass")).isEmpty();
        StaffUser target = directory.create("reset-test", "Reset test", "a long enough password", StaffRole.EDITOR);
        mvc.perform(post("/admin/users/" + target.id() + "/password").with(user("root").roles("ADMIN")).with(csrf())
                .param("password", "elevenchars"));
        assertThat(directory.find(target.id()).orElseThrow().passwordHash()).isEqualTo(target.passwordHash());
    }
}
