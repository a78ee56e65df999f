package jp.tsunagari.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The training run for the JVM's AOT cache (docs/operations.md, tools/package.sh): with
 * {@code catalogue.training-run=true} the app, once ready, requests the public pages of every kind from itself
 * {@code catalogue.training-run.rounds} times and stops, so that the cache written at exit
 * ({@code -XX:AOTCacheOutput}) holds the classes that serving a page loads and links (Thymeleaf, Lucene, the query
 * and JSON code) — not only those of start-up — and the method profiles of real requests (JEP 515), with which the
 * JIT compiler of a later start compiles the hot paths without waiting to profile them again.
 * Checked at run time, not as a bean condition, so that it works in a jar built with Spring AOT.
 */
@Component
class TrainingRun {

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    /** One page of every kind a visitor asks for (programs 1 and 2 exist in the seeded catalogue). */
    static final List<String> PATHS = List.of("/", "/?lang=en", "/categories/gifts", "/prefectures",
            "/programs?q=%E5%B2%A9%E6%89%8B", "/programs?category=gifts&region=tohoku&sort=kana", "/programs/1",
            "/programs/2?lang=en", "/eligibility", "/eligibility?age=20&hometown=032018&residence=13&school=university&grade=2&applicant=self",
            "/api/v1/programs", "/api/v1/programs/1", "/programs.csv", "/login", "/sitemap.xml", "/no-such-page");

    /**
     * Rounds over {@link #PATHS}: enough for every page's methods to be profiled many times (the JIT's thresholds are
     * in the thousands of invocations for the inner ones), few enough to keep the run short (about 10 s more than 2).
     */
    static final int DEFAULT_ROUNDS = 40;

    private final Environment environment;

    TrainingRun(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent ready) {
        if (!environment.getProperty("catalogue.training-run", Boolean.class, false)) {
            return;
        }
        ConfigurableApplicationContext context = ready.getApplicationContext();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        int rounds = environment.getProperty("catalogue.training-run.rounds", Integer.class, DEFAULT_ROUNDS);
        Map<String, Integer> statuses = visit(URI.create("http://127.0.0.1:" + port), rounds);
        log.info("Training run: {} requests, last statuses {}; stopping", rounds * PATHS.size(), statuses);
        System.exit(SpringApplication.exit(context));
    }

    /** Requests every path {@code rounds} times, round after round; the last status of each. */
    static Map<String, Integer> visit(URI base, int rounds) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            for (int round = 0; round < rounds; round++) {
                for (String path : PATHS) {
                    HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                            .header("Accept-Encoding", "gzip").build();
                    statuses.put(path, client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return statuses;
    }
}
