package jp.tsunagari.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docs/openapi.json is the served /v3/api-docs, keys sorted, pretty-printed: the file the lints and the generated
 * client read. When the API changes, rewrite it with
 * {@code ./mvnw -o test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true} and commit it with the change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiSnapshotTest {

    static final Path SNAPSHOT = Path.of("docs/openapi.json");

    @LocalServerPort
    int port;

    String served(String host) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"));
        if (host != null) {
            request.header("X-Forwarded-Host", host);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        return ContractDocument.canonical(ContractDocument.JSON.readTree(answer.body()));
    }

    @Test
    void theServedDocumentIsTheCommittedSnapshot() throws Exception {
        String served = served(null);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(SNAPSHOT, served, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SNAPSHOT) ? Files.readString(SNAPSHOT, StandardCharsets.UTF_8) : "";
        assertThat(firstDifference(served, committed)).as("The served /v3/api-docs differs from docs/openapi.json. If the"
                + " change is meant, rewrite the file with ./mvnw -o test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true"
                + " and commit it (docs/open-data.md, \"The document is the contract\")").isEmpty();
        assertThat(served).isEqualTo(committed);
    }

    /** The first line where the two differ, with its number and both versions; empty when they are equal. */
    static String firstDifference(String served, String committed) {
        String[] a = served.split("\n", -1);
        String[] b = committed.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(end)";
            String y = i < b.length ? b[i] : "(end)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": served " + x.strip() + " — docs/openapi.json " + y.strip();
            }
        }
        return "";
    }

    @Test
    void theDocumentDoesNotDependOnTheHostOrPort() throws Exception {
        String first = served(null);
        assertThat(served("elsewhere.example:8443")).isEqualTo(first);
        assertThat(first).doesNotContain(String.valueOf(port)).doesNotContain("localhost").doesNotContain("127.0.0.1")
                .contains("\"url\" : \"/\"");
    }
}
