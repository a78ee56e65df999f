package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 6: {@code load.seconds} (60) of {@code load.connections} (64) connections on public pages while two editors (two accounts)
 * save concurrently, sometimes the same program. No public request may fail; every save is either acknowledged or
 * refused with the conflict page (both versions, the editor's input kept); afterwards each program's history is
 * exactly its acknowledged saves in order, its content the last one, and no refused save's text is stored anywhere.
 * On PostgreSQL when -Dpg.url is given, otherwise on an H2 file.
 */
class LoadWithEditsIT {

    private static final String EDITOR_PASSWORD = "reliability-editor-password";
    /** Editor 1 alone edits program 1, editor 2 alone program 2; both edit 3 and 4 (conflicts). */
    private static final long[][] PROGRAMS = {{1, 3, 4}, {2, 3, 4}};

    private static final List<String> PUBLIC_PATHS = List.of(
            "/", "/programs", "/programs?category=gifts&region=tohoku&sort=kana", "/programs?pref=13",
            "/programs?q=" + StaffSession.enc("エール便") + "&audience=student", "/programs?q=" + StaffSession.enc("ふるさと"),
            "/programs?q=" + StaffSession.enc("交流") + "&channel=delivery&status=ongoing",
            "/programs/1", "/programs/2", "/programs/3", "/programs/4", "/programs/5", "/programs/9", "/programs/15",
            "/categories/gifts", "/categories/sns", "/categories/co-creation", "/prefectures",
            "/eligibility?age=22&hometown=032018&residence=13&school=university&grade=4&familyHome=032018&applicant=self",
            "/eligibility?age=17&hometown=032018&residence=032018&school=high&grade=2&applicant=self",
            "/api/v1/programs", "/api/v1/programs/3", "/programs.csv", "/sitemap.xml");

    /** A save the editor saw acknowledged: program, the version its form was loaded at, its token. */
    private record Save(long program, long baseVersion, String token, String editor) {
    }

    @Test
    void publicLoadWithConcurrentEditorsLosesNothing() throws Exception {
        int seconds = Integer.parseInt(property("load.seconds", "60"));
        int connections = Integer.parseInt(property("load.connections", "64"));
        var server = PgServer.configured();
        String pgName = "rel_load_" + System.currentTimeMillis();
        AppProcess.Database db = server.isPresent() ? server.get().create(pgName)
                : AppProcess.Database.h2(AppProcess.WORK.resolve("load-h2-data-" + System.currentTimeMillis()));
        AppProcess app = AppProcess.start(db, "load-" + db.label());
        try {
            StaffSession admin = StaffSession.admin(app);
            admin.createEditor("editor1", EDITOR_PASSWORD);
            admin.createEditor("editor2", EDITOR_PASSWORD);
            List<StaffSession> editors = List.of(StaffSession.signIn(app, "editor1", EDITOR_PASSWORD),
                    StaffSession.signIn(app, "editor2", EDITOR_PASSWORD));

            AtomicLong requests = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong ioErrors = new AtomicLong();
            List<String> failures = new CopyOnWriteArrayList<>();
            List<Save> acked = new CopyOnWriteArrayList<>();
            List<String> conflictTokens = new CopyOnWriteArrayList<>();
            List<String> other = new CopyOnWriteArrayList<>();
            long end = System.nanoTime() + seconds * 1_000_000_000L;

            HttpClient visitors = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                int offset = c;
                threads.add(start("visitor-" + c, () -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        String path = PUBLIC_PATHS.get(i % PUBLIC_PATHS.size());
                        URI uri = app.uri(path);
                        try {
                            HttpResponse<byte[]> r = visitors.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
                            requests.incrementAndGet();
                            if (r.statusCode() != 200) {
                                failed.incrementAndGet();
                                sample(failures, "HTTP " + r.statusCode() + " " + path);
                            }
                        } catch (IOException e) {
                            requests.incrementAndGet();
                            ioErrors.incrementAndGet();
                            sample(failures, e + " " + path);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
            // Every third save of each editor is a duel: both load program 3's form, then both save it at once;
            // exactly one may be acknowledged, the other must get the conflict page.
            CyclicBarrier duel = new CyclicBarrier(editors.size());
            AtomicLong duels = new AtomicLong();
            for (int e = 0; e < editors.size(); e++) {
                StaffSession editor = editors.get(e);
                long[] programs = PROGRAMS[e];
                threads.add(start("editor-" + e, () -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; System.nanoTime() < end; i++) {
                        boolean duelling = i % 3 == 2;
                        long id = duelling ? 3 : programs[random.nextInt(programs.length)];
                        try {
                            if (duelling) {
                                duel.await(60, TimeUnit.SECONDS);
                            }
                            StaffSession.Form form = editor.editForm(id);
                            long base = Long.parseLong(form.get("version").orElseThrow());
                            String token = Edits.newToken();
                            Edits.write(form, token);
                            if (duelling) {
                                duel.await(60, TimeUnit.SECONDS);
                                duels.incrementAndGet();
                            } else {
                                Thread.sleep(random.nextInt(60));   // reading and typing: another save may come first
                            }
                            StaffSession.Answer answer = editor.publish(id, form);
                            if (StaffSession.acknowledged(id, answer)) {
                                acked.add(new Save(id, base, token, editor.username));
                            } else if (answer.status() == 409) {
                                String problem = conflictPageProblem(answer.document(), id, token);
                                if (problem == null) {
                                    conflictTokens.add(token);
                                } else {
                                    sample(other, "program " + id + ": 409 but " + problem);
                                }
                            } else {
                                sample(other, "program " + id + ": HTTP " + answer.status() + " " + answer.location());
                            }
                        } catch (BrokenBarrierException | TimeoutException ex) {
                            return;   // the other editor stopped at the end of the run
                        } catch (IOException | RuntimeException | AssertionError ex) {
                            sample(other, "program " + id + ": " + ex);
                        } catch (InterruptedException ex) {
                            return;
                        }
                    }
                    duel.reset();   // release the other editor if it waits for a duel
                }));
            }
            for (Thread t : threads) {
                t.join();
            }

            // Every program: history = acknowledged saves in the order of the versions they were based on.
            StaffSession checker = StaffSession.admin(app);
            int lost = 0;
            List<String> problems = new ArrayList<>();
            for (long id = 1; id <= 4; id++) {
                long program = id;
                List<Save> saves = acked.stream().filter(s -> s.program() == program)
                        .sorted(Comparator.comparingLong(Save::baseVersion)).toList();
                List<String> expected = saves.stream().map(Save::token).toList();
                assertThat(saves.stream().map(Save::baseVersion).distinct().count())
                        .as("program %d: two acknowledged saves based on the same version (one overwrote the other)", id)
                        .isEqualTo(saves.size());
                List<String> history = Edits.history(checker, id);
                for (String t : expected) {
                    if (!history.contains(t)) {
                        lost++;
                    }
                }
                if (!history.equals(expected)) {
                    problems.add("program " + id + ": history " + history + " but acknowledged " + expected);
                }
                for (String t : conflictTokens) {
                    if (history.contains(t)) {
                        problems.add("program " + id + ": the refused save " + t + " is in the history");
                    }
                }
                if (!saves.isEmpty()) {
                    String current = Edits.tokenOf(checker.editForm(id), id);
                    if (!current.equals(expected.get(expected.size() - 1))) {
                        problems.add("program " + id + ": holds " + current + ", the last acknowledged save is " + expected.get(expected.size() - 1));
                    }
                }
            }
            String line = String.format("load: %d s, %d connections, %,d public requests, %d errors; editors: %d saves, "
                            + "%d conflicts, %d lost (%s)", seconds, connections, requests.get(), failed.get() + ioErrors.get(),
                    acked.size(), conflictTokens.size(), lost, db.label());
            System.out.println(line);
            Files.createDirectories(AppProcess.WORK);
            Files.writeString(AppProcess.WORK.resolve("load.txt"), line + System.lineSeparator(), StandardCharsets.UTF_8);

            if (!failures.isEmpty() || !other.isEmpty()) {
                System.out.println("load: public failures (first 20): " + failures);
                System.out.println("load: editor outcomes other than acknowledged or conflict (first 20): " + other);
            }
            assertThat(failures).as("public requests that failed (first 20)").isEmpty();
            assertThat(failed.get() + ioErrors.get()).as("public requests answered other than 200").isZero();
            assertThat(other).as("saves neither acknowledged nor refused with the conflict page (first 20)").isEmpty();
            assertThat(problems).as("lost or silently overwritten edits").isEmpty();
            assertThat(lost).isZero();
            assertThat(acked).as("acknowledged saves").isNotEmpty();
            assertThat(conflictTokens).as("conflicts (%d duels on program 3)", duels.get() / 2).isNotEmpty();
        } finally {
            app.stop();
            if (server.isPresent()) {
                server.get().drop(pgName);
            }
        }
    }

    /** Why a 409 answer is not the conflict page with both versions and the editor's input kept; null if it is. */
    private static String conflictPageProblem(Document page, long id, String mine) {
        if (page.getElementById("conflict-title") == null) {
            return "not the conflict page";
        }
        StaffSession.Form kept = StaffSession.Form.of(page, "/admin/programs/" + id);
        if (!kept.get("name").orElse("").contains(mine) || !kept.get("summary").orElse("").contains(mine)) {
            return "the form does not keep the editor's input " + mine;
        }
        var shown = Edits.tokens(page.select("main table").text());
        if (!shown.contains(mine) || shown.size() < 2) {
            return "the comparison does not show both versions: " + shown;
        }
        return null;
    }

    private static void sample(List<String> list, String what) {
        if (list.size() < 20) {
            list.add(what);
        }
    }

    private static Thread start(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.start();
        return t;
    }

    private static String property(String name, String fallback) {
        String v = System.getProperty(name, "").trim();
        return v.isEmpty() || v.startsWith("${") ? fallback : v;
    }
}
