package jp.tsunagari.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The AOT cache's training run requests real pages of every kind over HTTP: each answers as a visitor would see it (only the
 * deliberately missing page is a 404), so the archive is trained on the serving code and not on error pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrainingRunTest {

    @LocalServerPort
    int port;

    @Test
    void everyPageOfTheTrainingRunAnswers() {
        Map<String, Integer> statuses = TrainingRun.visit(URI.create("http://127.0.0.1:" + port), 2);

        assertThat(statuses.keySet()).containsExactlyElementsOf(TrainingRun.PATHS);
        statuses.forEach((path, status) ->
                assertThat(status).as(path).isEqualTo(path.equals("/no-such-page") ? 404 : 200));
    }
}
