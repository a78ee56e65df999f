package jp.tsunagari.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tsunagari.staff.StaffDirectory;
import jp.tsunagari.staff.StaffRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The security headers on every page type, over real HTTP (the page cache, Spring Security and Tomcat all in play):
 * public pages (first answer and page-cache hit), error pages, the API and its problems, CSV, static files, the
 * sign-in page, redirects, signed-in admin pages and actuator health. Also the session cookie's attributes.
 * {@link ProductionHeadersTest} covers HSTS and Secure cookies under the prod profile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityHeadersTest {

    static final List<String> PUBLIC_PAGES = List.of("/", "/categories/sns", "/categories/alumni-exchange",
            "/prefectures", "/statistics", "/statistics/reach.csv", "/programs", "/programs?q=%E7%9C%8C%E4%BA%BA%E4%BC%9A&category=alumni-exchange",
            "/programs?region=tohoku&pref=03", "/programs/1", "/programs/15?lang=en", "/eligibility",
            "/eligibility?age=20&hometown=03&residence=13", "/programs.csv", "/programs.csv?category=sns",
            "/api/v1/programs", "/api/v1/programs/1", "/api/v1/categories", "/api/v1/prefectures", "/v3/api-docs",
            "/sitemap.xml", "/robots.txt", "/login", "/swagger-ui/index.html", "/actuator/health");

    static final List<String> ERROR_PAGES = List.of("/programs/999999", "/no-such-page", "/categories/nope",
            "/programs?page=abc", "/api/v1/programs/999999", "/api/v1/nope", "/admin");

    static final List<String> ADMIN_PAGES = List.of("/admin", "/admin/programs/new", "/admin/programs/1/edit",
            "/admin/programs/1/history", "/admin/programs/1/preview", "/admin/categories", "/admin/places",
            "/admin/import", "/admin/export");

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static void assertSecurityHeaders(String what, HttpResponse<?> response) {
        var headers = response.headers();
        String csp = headers.firstValue("Content-Security-Policy").orElse(null);
        assertThat(csp).as(what + " Content-Security-Policy").isNotNull()
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*");
        assertThat(headers.allValues("Content-Security-Policy")).as(what + " one policy").hasSize(1);
        assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).as(what).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy")).as(what).hasValueSatisfying(policy ->
                assertThat(policy).contains("camera=()", "geolocation=()", "microphone=()"));
        // Outside the prod profile there is no TLS to pin: no HSTS.
        assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
    }

    @Test
    void everyPublicPageTypeCarriesTheHeadersOnItsFirstAnswerAndFromThePageCache() throws Exception {
        for (String path : PUBLIC_PAGES) {
            HttpResponse<String> first = get(anonymous, path);
            assertThat(first.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, first);
            HttpResponse<String> again = get(anonymous, path);
            assertSecurityHeaders(path + " (again" + again.headers().firstValue("X-Page-Cache").map(v -> ", " + v)
                    .orElse("") + ")", again);
        }
        // The cache did answer some of them: the headers above were checked on hits, not only on fresh answers.
        assertThat(get(anonymous, "/categories/sns").headers().firstValue("X-Page-Cache")).contains("hit");
    }

    @Test
    void errorPagesAndRedirectsCarryTheHeaders() throws Exception {
        for (String path : ERROR_PAGES) {
            HttpResponse<String> response = get(anonymous, path);
            assertThat(response.statusCode()).as(path).isBetween(300, 499);
            assertSecurityHeaders(path + " " + response.statusCode(), response);
        }
    }

    @Test
    void staticFilesCarryTheHeaders() throws Exception {
        String home = get(anonymous, "/").body();
        Matcher css = Pattern.compile("href=\"(/assets/css/[^\"]+)\"").matcher(home);
        Matcher js = Pattern.compile("src=\"(/assets/js/[^\"]+)\"").matcher(home);
        assertThat(css.find()).isTrue();
        assertThat(js.find()).isTrue();
        for (String path : List.of(css.group(1), js.group(1))) {
            HttpResponse<String> response = get(anonymous, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, response);
        }
    }

    @Test
    void pagesHaveNoInlineScriptOrStyleForThePolicyToBlock() throws Exception {
        List<String> pages = new ArrayList<>(PUBLIC_PAGES);
        pages.removeIf(p -> p.contains(".csv") || p.startsWith("/api") || p.startsWith("/v3") || p.startsWith("/actuator")
                || p.endsWith(".xml") || p.endsWith(".txt"));
        Pattern inlineScript = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/ld\\+json\")[^>]*>");
        Pattern inlineStyle = Pattern.compile("<style\\b|\\sstyle=\"|\\son[a-z]+=\"|javascript:");
        for (String path : pages) {
            String body = get(anonymous, path).body();
            assertThat(inlineScript.matcher(body).find()).as(path + " inline script").isFalse();
            assertThat(inlineStyle.matcher(body).find()).as(path + " inline style or handler").isFalse();
        }
    }

    @Test
    void signedInAdminPagesCarryTheHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        String username = "headers-editor";
        if (directory.byUsername(username).isEmpty()) {
            directory.create(username, "Headers test", "headers-test-password", StaffRole.EDITOR);
        }
        HttpClient staff = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager()).build();
        HttpResponse<String> login = get(staff, "/login");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + URLEncoder.encode("headers-test-password",
                StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        HttpResponse<String> signedIn = staff.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        assertSecurityHeaders("POST /login", signedIn);
        List<String> cookies = new ArrayList<>(login.headers().allValues("Set-Cookie"));
        cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
        List<String> session = cookies.stream().filter(c -> c.startsWith("SESSION=")).toList();
        assertThat(session).isNotEmpty().allSatisfy(cookie -> {
            assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                    .doesNotContainIgnoringCase("; Secure");
        });
        for (String path : ADMIN_PAGES) {
            HttpResponse<String> response = get(staff, path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, response);
            // Staff pages are never stored by browsers or proxies.
            assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).contains("no-store");
        }
        // EDITOR meets the same headers on a refusal.
        for (String path : List.of("/admin/users", "/admin/users/1")) {
            HttpResponse<String> refused = get(staff, path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            assertSecurityHeaders(path + " as EDITOR", refused);
        }
    }

    @Test
    void theLanguageCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> english = get(anonymous, "/?lang=en");
        String cookie = english.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("catalogue-lang=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax")
                .doesNotContainIgnoringCase("; Secure");
        assertSecurityHeaders("/?lang=en", english);
    }
}
