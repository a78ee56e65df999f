package jp.tsunagari.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Under the prod profile (TLS in front, application-prod.properties): HSTS on every answer, and every cookie the
 * site sets is Secure, HttpOnly and SameSite. Requests come as from the TLS proxy (X-Forwarded-Proto: https).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class ProductionHeadersTest {

    @LocalServerPort
    int port;

    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Proto", "https").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerCarriesHstsAndTheOtherHeaders() throws Exception {
        for (String path : List.of("/", "/programs/1", "/programs?q=line", "/api/v1/programs", "/programs.csv",
                "/login", "/admin", "/no-such-page", "/actuator/health")) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                    .contains("max-age=31536000 ; includeSubDomains");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    @Test
    void theSessionAndLanguageCookiesAreSecureHttpOnlyAndSameSite() throws Exception {
        List<String> cookies = new java.util.ArrayList<>(get("/login").headers().allValues("Set-Cookie"));
        cookies.addAll(get("/?lang=en").headers().allValues("Set-Cookie"));
        assertThat(cookies).anyMatch(c -> c.startsWith("SESSION=")).anyMatch(c -> c.startsWith("catalogue-lang="));
        assertThat(cookies).allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("; Secure")
                .containsIgnoringCase("; HttpOnly").containsIgnoringCase("; SameSite=Lax"));
    }

    @Test
    void linksUseTheSchemeTheProxyReports() throws Exception {
        // server.forward-headers-strategy=native: the page's canonical link is the public https address.
        assertThat(get("/programs/1").body()).contains("<link rel=\"canonical\" href=\"https://localhost");
    }
}
