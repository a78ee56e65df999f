package jp.tsunagari.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Every page type, in both languages and in its error states, passes the Nu HTML Checker with zero errors. */
@SpringBootTest
@AutoConfigureMockMvc
class HtmlValidityTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/?lang=en", "/categories/sns", "/categories/gifts?lang=en", "/prefectures",
            "/prefectures?lang=en", "/statistics", "/statistics?lang=en", "/programs", "/programs?category=gifts&region=tohoku&audience=student&sort=kana",
            "/programs?pref=02&pref=03", "/programs?pref=99&page=0", "/programs?pref=13", "/programs?page=9",
            "/programs/1", "/programs/2", "/programs/5", "/programs/10", "/programs/11", "/programs/13", "/programs/14",
            "/programs/7?lang=en", "/programs/7/history", "/programs/7/history?lang=en", "/programs/999", "/no/such/page", "/categories/x?lang=en", "/eligibility",
            "/eligibility?age=22&hometown=032018&residence=13&school=university&grade=4&familyHome=032018&applicant=self",
            "/eligibility?age=x&hometown=nowhere&lang=en", "/eligibility?age=22&residence=13&verdict=not-eligible&pref=03&lang=en",
            "/eligibility?age=&hometown=", "/eligibility?age=22&verdict=maybe&page=0", "/programs?q=エール便&channel=delivery&status=ongoing",
            "/alerts/new?category=gifts&pref=03", "/alerts/new?kind=checker&age=20&hometown=032018&lang=en",
            "/alerts/new?category=nothing", "/alerts/confirm/nothing", "/alerts/unsubscribe/1.nothing", "/privacy",
            "/privacy?lang=en", "/compare?id=1&id=3&id=4", "/compare?id=1&id=7&id=13&id=2&lang=en",
            "/compare?id=x&id=99999&id=1", "/compare", "/compare?id=3", "/programs?category=sns&compare=1&compare=3",
            "/programs/3?compare=1", "/categories/sns?compare=1"})
    void pageIsValidHtml(String url) throws Exception {
        String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(HtmlChecker.errors(html)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin?q=%E3%82%82%E3%82%8A&status=PUBLISHED&sort=NAME", "/admin/programs/new",
            "/admin/programs/7/edit", "/admin/programs/13/edit", "/admin/programs/2/duplicate", "/admin/programs/7/history",
            "/admin/programs/7/preview", "/admin/programs/7/delete", "/admin/users", "/admin/users/1", "/admin/categories",
            "/admin/categories/gifts", "/admin/places", "/admin/places?q=もりおか", "/admin/places/032018",
            "/admin/places/03", "/admin/import", "/admin/links", "/admin/alerts", "/admin/overview",
            "/admin/overview?lang=en"})
    void adminPageIsValidHtml(String url) throws Exception {
        String html = mvc.perform(get(url).with(user("checker").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>");
        assertThat(HtmlChecker.errors(html)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/login", "/login?error", "/login?throttled", "/login?signedOut"})
    void loginPageIsValidHtml(String url) throws Exception {
        String html = mvc.perform(get(url)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(HtmlChecker.errors(html)).as(url).isEmpty();
    }

    @Test
    void theCheckerFailsABrokenPage() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/fixtures/broken.html")) {
            List<String> errors = HtmlChecker.errors(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(errors).anySatisfy(e -> assertThat(e).contains("alt"))
                    .anySatisfy(e -> assertThat(e).contains("Duplicate ID"))
                    .hasSizeGreaterThanOrEqualTo(3);
        }
    }
}
