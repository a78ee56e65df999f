package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A form posted as browsers do (UTF-8, no charset in Content-Type) keeps its Japanese text through every filter of
 * the real server. A filter that read the parameters before the request was set to UTF-8 turned 保護者 into
 * ä¿è­·è (found by the browser suite).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormEncodingTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    java.time.Clock clock;

    @Test
    void japaneseTypedIntoAFormComesBackUnchanged() throws Exception {
        java.sql.Timestamp start = java.sql.Timestamp.from(clock.instant().minusSeconds(1));
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .cookieHandler(new CookieManager()).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        // "保護者" percent-encoded as UTF-8, as a browser sends it; a wrong password, so the form is shown again.
        HttpResponse<String> again = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%E4%BF%9D%E8%AD%B7%E8%80%85&password=wrong-password"
                        + "&_csrf=" + token.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.uri().toString()).endsWith("/login?error");
        assertThat(again.body()).contains("value=\"保護者\"");
        // Leave the sign-in throttle as it was for the other tests signing in from this address.
        jdbc.update("delete from sign_in_failure where throttle_key in ('account:保護者', 'ip:127.0.0.1') and failed_at >= ?",
                start);
    }
}
