package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, item 1: SIGTERM at random moments ends the process within {@value #LIMIT_S} s every time, with no ERROR
 * in its log and no failed start, and the next start serves the same catalogue with nothing acknowledged lost. One
 * H2 data folder of 20,000 synthetic programs goes through the moments in turn: during start-up; during the full build
 * of the index (the folder holds the index of the 15 seeded programs); just after the start, during the jobs' first
 * looks (the re-confirmation job with every program due) and a catch-up of the index by 4,000 programs changed while
 * no instance ran; during a link-check pass against a slow local site; during staff saves. Each delay is drawn from a
 * seeded generator ({@code -Dshutdown.seed=}, printed). Fault-table rows go to {@code faults-shutdown.md}, a summary
 * line to {@code shutdown.txt}.
 */
class ShutdownAnyMomentIT {

    static final double LIMIT_S = 25;
    static final int PROGRAMS = 20_000;
    static final int CHANGED = 4_000;

    private final long seed = Long.getLong("shutdown.seed", System.currentTimeMillis() % 100_000);
    private final Random random = new Random(seed);
    private final List<String> rows = new ArrayList<>();
    private final List<String> summary = new ArrayList<>();
    private double slowest;

    @AfterEach
    void noneLeftRunning() {
        Signalled.killAll();
    }

    @Test
    void sigtermAtAnyMomentOnH2() throws Exception {
        System.out.println("shutdown: seed " + seed + " (-Dshutdown.seed=" + seed + " repeats these moments)");
        Path dir = AppProcess.WORK.resolve("shutdown-h2-data-" + System.currentTimeMillis());
        AppProcess.Database db = AppProcess.Database.h2(dir);
        AppProcess.generate(db, PROGRAMS, "shutdown-generate", 900);

        duringStartUp(db);
        duringFullBuild(db);
        long published = ShutdownFixture.published(dir);
        ShutdownFixture.Catalogue reference = startedAndStopped(db, "shutdown-3-built", null);
        assertThat(reference.programs()).as("the API after the stopped start-up and build: every published program")
                .isEqualTo(published);
        try (ShutdownFixture.SlowSite site = new ShutdownFixture.SlowSite(2_000)) {
            List<Long> changed = ShutdownFixture.pointLinksAt(dir, site.base(), CHANGED);
            ShutdownFixture.dueNow(dir, "reconfirmation");   // its first look was at the last start: due in an hour
            duringFirstLooksAndCatchUp(db);
            duringLinkCheck(db, site);
            reference = duringSaves(db, reference, changed.get(changed.size() - 1), site.base());
        }
        String line = String.format("shutdown: h2, %d programs, seed %d, %d moments: every exit within %.1f s"
                + " (limit %.0f s), 0 ERROR lines, next start the same catalogue (%d programs, %d found for %s), "
                + "0 acknowledged saves lost", PROGRAMS, seed, rows.size(), slowest, LIMIT_S, reference.programs(),
                reference.found(), ShutdownFixture.WORD);
        System.out.println(line);
        summary.forEach(System.out::println);
        write("shutdown.txt", List.of(line), false);
        write("faults-shutdown.md", rows, true);
    }

    private void duringStartUp(AppProcess.Database db) {
        Signalled app = Signalled.launch(db, "shutdown-1-startup", List.of());
        double delay = 1 + 7 * random.nextDouble();
        AppProcess.sleep((long) (delay * 1000));
        boolean started = app.logHas("Started CatalogueApplication");
        Signalled.Exit exit = app.sigterm();
        check(exit, "during start-up", String.format("%.1f s after launch (%s)", delay,
                started ? "already started" : "still starting"), "nothing: the instance was not ready yet");
    }

    private void duringFullBuild(AppProcess.Database db) {
        Signalled app = Signalled.launch(db, "shutdown-2-build", List.of());
        assertThat(app.awaitLog("Search index opened", 300)).as("the stored index (15 seeded programs) opened").isTrue();
        double delay = 0.5 + 9.5 * random.nextDouble();
        AppProcess.sleep((long) (delay * 1000));
        boolean built = app.logHas("Search index built");
        Signalled.Exit exit = app.sigterm();
        if (!built) {
            assertThat(Signalled.lines(exit.log())).as("the build stopped").anyMatch(l -> l.contains("build stopped"));
        }
        check(exit, "during the full index build of " + PROGRAMS + " programs", String.format(
                "%.1f s into the build (%s)", delay, built ? "it had ended" : "stopped and thrown away"),
                "nothing: the instance was not ready yet; the next start builds again");
    }

    /** The catalogue served after a start (ready), then a graceful stop measured too; the reference is checked if given. */
    private ShutdownFixture.Catalogue startedAndStopped(AppProcess.Database db, String name,
                                                        ShutdownFixture.Catalogue reference) {
        long t0 = System.nanoTime();
        AppProcess app = AppProcess.start(db, name);
        try {
            double ready = (System.nanoTime() - t0) / 1e9;
            ShutdownFixture.Catalogue served = ShutdownFixture.catalogue(app::uri);
            summary.add(String.format("shutdown: %s ready in %.1f s serving %s", name, ready, served));
            if (reference != null) {
                assertThat(served).as("the catalogue after the restart").isEqualTo(reference);
            }
            check(exitOf(app), "idle, after the start (" + name + ")", "after readiness", "readiness DOWN, then no answer");
            return served;
        } finally {
            app.kill();
        }
    }

    private void duringFirstLooksAndCatchUp(AppProcess.Database db) {
        Signalled app = Signalled.launch(db, "shutdown-4-looks", List.of("--catalogue.freshness.reconfirm-after=P1D",
                "--catalogue.jobs.polling-interval=PT1S"));
        assertThat(app.awaitLog("Starting scheduler", 300)).as("the job scheduler started").isTrue();
        double delay = 1.5 + 6.5 * random.nextDouble();
        AppProcess.sleep((long) (delay * 1000));
        Signalled.Exit exit = app.sigterm();
        List<String> log = Signalled.lines(exit.log());
        String look = log.stream().anyMatch(l -> l.contains("Re-confirmation stopped")) ? "look stopped, set back"
                : log.stream().anyMatch(l -> l.contains("Re-confirmation:")) ? "look had ended" : "look not begun";
        String catchUp = log.stream().anyMatch(l -> l.contains("catch-up stopped")) ? "catch-up stopped"
                : log.stream().anyMatch(l -> l.contains("Search index updated")) ? "catch-up had ended" : "catch-up not begun";
        check(exit, "during the jobs' first looks (re-confirmation, every program due) and an index catch-up of "
                + CHANGED + " programs", String.format("%.1f s after the scheduler started (%s; %s)", delay, look, catchUp),
                "nothing: the next start catches up from the index's last commit, the next look asks the programs set back");
    }

    private void duringLinkCheck(AppProcess.Database db, ShutdownFixture.SlowSite site) {
        Signalled app = Signalled.launch(db, "shutdown-5-links", List.of("--catalogue.link-check.enabled=true",
                "--catalogue.link-check.private-addresses-allowed=true", "--catalogue.link-check.tick=PT1S",
                "--catalogue.jobs.polling-interval=PT1S"));
        assertThat(app.awaitLog("Link check: pass started", 300)).as("a link-check pass started").isTrue();
        double delay = 1 + 7 * random.nextDouble();
        AppProcess.sleep((long) (delay * 1000));
        int requests = site.requests.get();
        Signalled.Exit exit = app.sigterm();
        assertThat(Signalled.lines(exit.log())).as("the pass stopped").anyMatch(l -> l.contains("Link check: pass stopped"));
        check(exit, "during a link-check pass (a site answering after 2 s)", String.format(
                "%.1f s into the pass, %d requests made", delay, requests),
                "nothing: the next execution resumes the pass after the last program recorded");
    }

    private ShutdownFixture.Catalogue duringSaves(AppProcess.Database db, ShutdownFixture.Catalogue reference,
                                                  long changedProgram, String site) throws Exception {
        AppProcess app = AppProcess.start(db, "shutdown-6-saves");
        try {
            return savesAndRestart(db, app, reference, changedProgram, site);
        } finally {
            app.kill();
        }
    }

    private ShutdownFixture.Catalogue savesAndRestart(AppProcess.Database db, AppProcess app,
                                                      ShutdownFixture.Catalogue reference, long changedProgram,
                                                      String site) throws Exception {
        assertThat(ShutdownFixture.catalogue(app::uri)).as("the catalogue after the stops").isEqualTo(reference);
        assertThat(ShutdownFixture.get(app.uri("/programs/" + changedProgram))).as("the index caught up")
                .contains(site + "/o/" + changedProgram);
        ShutdownSaves saves = new ShutdownSaves();
        saves.start(app, 2, 2);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!saves.everyProgramSaved() && System.nanoTime() < deadline) {
            AppProcess.sleep(50);
        }
        ShutdownFixture.Catalogue saved = ShutdownFixture.catalogue(app::uri);   // the edited texts in the index now
        double delay = 0.5 + 3.5 * random.nextDouble();
        AppProcess.sleep((long) (delay * 1000));
        saves.signalled();
        int acks = saves.acks();
        Signalled.Exit exit = exitOf(app);
        saves.join();
        check(exit, "during staff saves", String.format("%.1f s into a burst of saves, %d acknowledged", delay, acks),
                "a save under way is finished and acknowledged; later ones are refused (connection closed)");
        AppProcess restarted = AppProcess.start(db, "shutdown-7-after-saves");
        try {
            int storedInFlight = saves.verify(restarted);
            assertThat(ShutdownFixture.catalogue(restarted::uri)).as("the catalogue after the saves").isEqualTo(saved);
            summary.add("shutdown: saves in flight at the signal stored whole: " + storedInFlight);
            check(exitOf(restarted), "idle, after the saves", "after readiness", "readiness DOWN, then no answer");
        } finally {
            restarted.kill();
        }
        return saved;
    }

    private static Signalled.Exit exitOf(AppProcess app) {
        double seconds = app.stop().toNanos() / 1e9;
        List<String> lines = Signalled.lines(app.log());
        return new Signalled.Exit(seconds, app.exitValue(), lines.stream().filter(l -> l.contains(" ERROR ")).toList(),
                lines.stream().anyMatch(l -> l.contains("Application run failed")), app.log());
    }

    /** Asserts the exit (status 143, in time, no ERROR, no failed start) and records its fault-table row. */
    private void check(Signalled.Exit exit, String moment, String when, String sees) {
        String row = String.format("| SIGTERM %s | `Process.destroy()` %s (seed %d) | %s; exit status %d, the next start"
                + " serves the same catalogue | nothing | exit %.1f s after the signal |", moment, when, seed, sees,
                exit.status(), exit.seconds());
        System.out.println(row);
        rows.add(row);
        slowest = Math.max(slowest, exit.seconds());
        assertThat(exit.errors()).as("ERROR lines in %s", exit.log()).isEmpty();
        assertThat(exit.runFailed()).as("a failed start in %s", exit.log()).isFalse();
        assertThat(exit.status()).as("exit status after SIGTERM (%s)", exit.log()).isEqualTo(143);
        assertThat(exit.seconds()).as("seconds from SIGTERM to exit (%s)", moment).isLessThanOrEqualTo(LIMIT_S);
    }

    private static void write(String file, List<String> lines, boolean append) throws IOException {
        Files.write(AppProcess.WORK.resolve(file), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    }
}
