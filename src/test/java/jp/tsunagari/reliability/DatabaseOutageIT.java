package jp.tsunagari.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 30, item 2: the database goes away and comes back while the packaged application runs on PostgreSQL — a real
 * restart of the server ({@code pg_ctl stop -m fast}, then start on the same data folder and port) and a 30 s pause of
 * the network between them ({@link PausableProxy}). Cached public pages keep answering; pages that need the database
 * answer 503 with a clear page, quickly once the outage is known; readiness goes DOWN and back UP; a staff save in the
 * window gets the 503 page holding everything typed, which sends it again when the database is back; no acknowledged
 * save is lost; the pool ends with no connection in use. The figures go to target/reliability/faults-database.md.
 */
class DatabaseOutageIT {

    static final String USER = "outage";
    static final String PASSWORD = "outage-password";

    @Test
    void theInstanceRidesOutARestartAndANetworkPause() throws Exception {
        OutageServer server = OutageServer.start();
        List<String> rows = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        try (PausableProxy proxy = new PausableProxy("127.0.0.1", server.port())) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/outage";
            AppProcess app = AppProcess.start(AppProcess.Database.postgres(url, USER, PASSWORD), "outage-postgresql");
            try {
                OutageProbe probe = new OutageProbe(app);
                StaffSession staff = StaffSession.admin(app);
                tokens.add(probe.acknowledgedSave(staff, 1));

                // 1. A restart: stopped (fast shutdown, every connection cut), kept down while looked at, started again.
                StaffSession.Form restartForm = probe.formWithNewToken(staff, 2);
                probe.warmCachedPage();
                long stoppedAt = System.nanoTime();
                server.stop();
                OutageProbe.During restart = probe.during(staff, restartForm, 2);
                server.startAgain();
                OutageProbe.After afterRestart = probe.after(staff, restart, 2, stoppedAt);
                tokens.add(afterRestart.token());
                rows.add(restart.row("PostgreSQL restarts", "`pg_ctl stop -m fast` on the embedded server, started again on "
                        + "the same data folder and port (down " + afterRestart.downSeconds() + " s)", afterRestart));

                // 2. The network to the database pauses for 30 s: nothing refused, nothing answered.
                StaffSession.Form pauseForm = probe.formWithNewToken(staff, 3);
                probe.warmCachedPage();
                long pausedAt = System.nanoTime();
                proxy.pause();
                OutageProbe.During pause = probe.during(staff, pauseForm, 3);
                long left = 30_000 - (System.nanoTime() - pausedAt) / 1_000_000;
                AppProcess.sleep(Math.max(0, left));
                proxy.resume();
                OutageProbe.After afterPause = probe.after(staff, pause, 3, pausedAt);
                tokens.add(afterPause.token());
                rows.add(pause.row("Network to PostgreSQL pauses 30 s", "a TCP proxy between app and server stops "
                        + "forwarding (nothing closed)", afterPause));

                tokens.add(probe.acknowledgedSave(staff, 4));
                probe.assertPoolIdle();
                assertThat(app.logTail()).doesNotContain("Exception in thread");
            } finally {
                app.stop();
            }
            assertThat(server.tokensStored(tokens)).as("acknowledged saves in the database").containsExactlyElementsOf(tokens);
        } finally {
            server.close();
        }
        write(rows);
    }

    private static void write(List<String> rows) throws Exception {
        Path table = AppProcess.WORK.resolve("faults-database.md");
        Files.createDirectories(table.getParent());
        Files.writeString(table, String.join(System.lineSeparator(), rows) + System.lineSeparator(), StandardCharsets.UTF_8);
        Files.writeString(AppProcess.WORK.resolve("database.txt"), "database outage: " + rows.size()
                + " faults survived without a restart, nothing acknowledged lost (faults-database.md)"
                + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        rows.forEach(System.out::println);
    }

    /** The embedded PostgreSQL server of this test alone, restartable on its data folder and port. */
    static final class OutageServer implements AutoCloseable {
        private EmbeddedPostgres pg;
        private final Path dataDir;
        private final int port;

        private OutageServer(EmbeddedPostgres pg, Path dataDir) {
            this.pg = pg;
            this.dataDir = dataDir;
            this.port = pg.getPort();
        }

        static OutageServer start() throws Exception {
            EmbeddedPostgres pg = builder().start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role " + USER + " login password '" + PASSWORD + "'");
                s.execute("create database outage owner " + USER);
                try (ResultSet r = s.executeQuery("show data_directory")) {
                    r.next();
                    return new OutageServer(pg, Path.of(r.getString(1)));
                }
            }
        }

        private static EmbeddedPostgres.Builder builder() {
            Path log = AppProcess.WORK.resolve("outage-postgresql-server.log");
            return EmbeddedPostgres.builder().setCleanDataDirectory(false)
                    .setLocaleConfig("locale", "C.UTF-8").setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60)).setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        }

        int port() {
            return port;
        }

        void stop() throws Exception {
            pg.close();
            pg = null;
        }

        void startAgain() throws Exception {
            pg = builder().setDataDirectory(dataDir).setPort(port).start();
        }

        List<String> tokensStored(List<String> tokens) throws Exception {
            List<String> found = new ArrayList<>();
            try (Connection c = pg.getDatabase(USER, "outage").getConnection(); Statement s = c.createStatement()) {
                for (String token : tokens) {
                    try (ResultSet r = s.executeQuery("select count(*) from program where summary like '%" + token + "%'")) {
                        r.next();
                        if (r.getInt(1) == 1) {
                            found.add(token);
                        }
                    }
                }
            }
            return found;
        }

        @Override
        public void close() throws Exception {
            if (pg != null) {
                pg.close();
            }
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
