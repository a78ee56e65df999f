package jp.tsunagari.staff;

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
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff member with several tabs: right after signing in, the session has no CSRF token yet, and several pages
 * opened at once each store one. With Spring Session's plain INSERT of session attributes, all but one failed with a
 * duplicate key (HTTP 500 and an ERROR log); the session store now writes attributes as upserts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentTabsTest {

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory directory;

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    @Test
    void pagesOpenedAtOnceRightAfterSigningInAllWork() throws Exception {
        String username = "tabs-editor";
        if (directory.byUsername(username).isEmpty()) {
            directory.create(username, "Tabs test", "tabs-test-password", StaffRole.EDITOR);
        }
        for (int round = 0; round < 5; round++) {
            HttpClient staff = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .cookieHandler(new CookieManager()).build();
            String login = staff.send(HttpRequest.newBuilder(uri("/login")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
            assertThat(token.find()).isTrue();
            HttpResponse<String> signedIn = staff.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                            + URLEncoder.encode("tabs-test-password", StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            List<CompletableFuture<HttpResponse<String>>> tabs = new ArrayList<>();
            for (String path : List.of("/admin", "/admin/programs/new", "/admin/programs/1/edit", "/admin/import",
                    "/admin/categories", "/admin/programs/2/edit", "/admin/places", "/admin/programs/3/edit")) {
                tabs.add(staff.sendAsync(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> tab : tabs) {
                HttpResponse<String> page = tab.get();
                assertThat(page.statusCode()).as(page.uri() + " in round " + round).isEqualTo(200);
            }
        }
    }
}
